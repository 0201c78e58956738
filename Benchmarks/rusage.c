/* Runs a command and prints its wall seconds, CPU seconds (user + system), peak RSS in
 * KiB, system seconds (the kernel's share of the CPU seconds) and minor page faults, from
 * the kernel's resource usage of that child and what it waited for (wait4):
 * CPU time in microseconds, where GNU time prints hundredths, which on a run of 0.3 s moved
 * a ratio in steps of 3%. A small C program, so that the peak RSS of a small command is its
 * own and not a copy of a large parent's taken before exec. Output is discarded; the
 * command's exit status is not an error (fundlint exits 1 when it finds problems), but a
 * command killed by a signal (a crash) or one that could not be run is: then nothing is
 * printed and rusage exits 3, so a broken binary cannot pass for a fast one.
 * Usage: rusage COMMAND [ARGUMENT...] */
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: rusage COMMAND [ARGUMENT...]\n"); return 2; }
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pid_t child = fork();
    if (child < 0) { perror("fork"); return 2; }
    if (child == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0) { dup2(null, 1); dup2(null, 2); }
        execvp(argv[1], argv + 1);
        _exit(127);
    }
    int status;
    struct rusage usage;
    if (wait4(child, &status, 0, &usage) < 0) { perror("wait4"); return 2; }
    clock_gettime(CLOCK_MONOTONIC, &end);
    if (WIFSIGNALED(status)) {
        fprintf(stderr, "rusage: %s was killed by signal %d\n", argv[1], WTERMSIG(status));
        return 3;
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
        fprintf(stderr, "rusage: %s could not be run\n", argv[1]);
        return 3;
    }
    double wall = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
    double cpu = (double)(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + (double)(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    double system = (double)usage.ru_stime.tv_sec + (double)usage.ru_stime.tv_usec / 1e6;
    printf("%.4f %.4f %ld %.4f %ld\n", wall, cpu, usage.ru_maxrss, system, usage.ru_minflt);
    return 0;
}
