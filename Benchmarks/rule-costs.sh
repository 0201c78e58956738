#!/usr/bin/env bash
# What each rule of a pack costs per plan: the instructions a check spends on it, counted
# by callgrind as the difference between the whole pack and the pack without that rule, on
# the corpus's first plans and on its first plan alone (what loading and compiling the rule
# costs, once per run, is the same in both and drops out of the difference).
#   Benchmarks/rule-costs.sh [PLANS] [PACK] [DIRECTORY]
# (default: 300 plans, Rules/lipf-2026.yaml, the corpus of Benchmarks/run.sh). The plans are
# the first PLANS files of DIRECTORY, which should be plans for PACK: a plan that fails
# its schema runs few rules.
# Prints instructions per plan for each rule, the most costly first. A value two rules share
# (a `shared` expression such as `places[project.region]`) stays counted with the pack while
# any rule still uses it, so each figure is what removing that one rule would save. Needs
# valgrind and python3. Figures within a few hundred instructions of zero are noise.
set -euo pipefail
cd "$(dirname "$0")/.."
plans="${1:-300}"
pack="${2:-Rules/lipf-2026.yaml}"
out=Benchmarks/out
work="$out/rule-costs"
command -v valgrind > /dev/null || { echo "rule-costs: valgrind is needed" >&2; exit 2; }

corpus="${3:-$out/corpus-10000}"
if [ -z "${3:-}" ] && [ ! -d "$corpus" ]; then
    python3 Benchmarks/generate-corpus.py "$corpus" --plans 10000 --seed 1
fi
[ -d "$corpus" ] || { echo "rule-costs: $corpus is not a directory" >&2; exit 2; }
[ "$plans" -ge 2 ] 2>/dev/null || { echo "rule-costs: PLANS must be a whole number of at least 2" >&2; exit 2; }
swift build -c release --static-swift-stdlib --experimental-lto-mode=full --product fundlint > /dev/null
fundlint=.build/release/fundlint

rm -rf "$work" && mkdir -p "$work/plans" "$work/one"
# sed reads to the end: `head` would stop the pipe early, which pipefail counts as failing.
find "$corpus" -name '*.yaml' | sort | sed -n "1,${plans}p" | xargs cp -t "$work/plans"
find "$work/plans" -name '*.yaml' | sort | sed -n 1p | xargs cp -t "$work/one"
# Fewer files than asked for (a small directory): per plan means per file copied.
plans=$(find "$work/plans" -name '*.yaml' | wc -l)
[ "$plans" -ge 2 ] || { echo "rule-costs: $corpus holds fewer than 2 plans" >&2; exit 2; }

# One pack per rule, each without that rule; the rule ids, in pack order, in ids.txt.
python3 - "$pack" "$work" <<'EOF'
import re, sys
pack, work = sys.argv[1], sys.argv[2]
text = open(pack, encoding="utf-8").read()
if "\nrules:\n" not in text or "\n  - id: " not in text:
    sys.exit(f"rule-costs: {pack} has no top-level 'rules:' list of '  - id: ...' items")
start = text.index("\nrules:\n") + len("\nrules:\n")
after = re.search(r"\n[a-z_]+:[ \t]*\n", text[start:])
end = start + after.start() + 1 if after else len(text)
parts = re.split(r"(?m)^(?=  - id: )", text[start:end])
head, rules = parts[0], parts[1:]
ids = [re.match(r"  - id: (\S+)", rule).group(1) for rule in rules]
with open(f"{work}/ids.txt", "w") as listing:
    listing.write("\n".join(ids) + "\n")
for index in range(len(rules)):
    rest = "".join(rule for other, rule in enumerate(rules) if other != index)
    with open(f"{work}/without-{index:03d}.yaml", "w", encoding="utf-8") as variant:
        variant.write(text[:start] + head + rest + text[end:])
EOF

# fundlint exits 1 when it finds problems, as the corpus has: only the count matters.
# count PACK DIRECTORY: instructions for checking the plans in DIRECTORY with PACK. Hashing
# is made deterministic: with a random seed per run, dictionaries alone move the count by
# thousands of instructions from one run to the next.
count() {
    { SWIFT_DETERMINISTIC_HASHING=1 valgrind --tool=callgrind --callgrind-out-file=/dev/null "$fundlint" --jobs 1 --format json --quiet \
        --output /dev/null --rules "$1" "$2" 2>&1 > /dev/null || true; } | awk '/Collected/ { print $NF }'
}
# per_plan PACK: instructions per plan beyond the first, with PACK.
per_plan() {
    echo "$(count "$1" "$work/plans") $(count "$1" "$work/one")"
}
read -r whole whole_one < <(per_plan "$pack")
echo "whole pack: $(( (whole - whole_one) / (plans - 1) )) instructions per plan ($plans plans)"
index=0
while read -r id; do
    read -r without without_one < <(per_plan "$(printf '%s/without-%03d.yaml' "$work" "$index")")
    echo "$id $(( ((whole - without) - (whole_one - without_one)) / (plans - 1) ))"
    index=$((index + 1))
done < "$work/ids.txt" | sort -k2 -n -r | awk '{ printf "%-44s %8d instructions per plan\n", $1, $2 }'
