/* The floor for a libyaml-based checker: read each file and run libyaml's event parser
 * over it, building nothing. Usage: libyaml-floor FILE... (or a directory listing on stdin
 * with -). Prints the number of events so the work cannot be optimised away. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static unsigned long parse(const char *path) {
    FILE *file = fopen(path, "rb");
    if (!file) { perror(path); return 0; }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    unsigned char *bytes = malloc(size > 0 ? (size_t)size : 1);
    size_t read = fread(bytes, 1, (size_t)size, file);
    fclose(file);
    yaml_parser_t parser;
    yaml_event_t event;
    unsigned long events = 0;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, bytes, read);
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) break;
        events++;
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        if (done) break;
    }
    yaml_parser_delete(&parser);
    free(bytes);
    return events;
}

int main(int argc, char **argv) {
    unsigned long events = 0;
    char line[4096];
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-") == 0) {
            while (fgets(line, sizeof line, stdin)) {
                line[strcspn(line, "\n")] = 0;
                if (line[0]) events += parse(line);
            }
        } else {
            events += parse(argv[i]);
        }
    }
    printf("%lu events\n", events);
    return 0;
}
