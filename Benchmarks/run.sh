#!/usr/bin/env bash
# Measures fundlint against the floor (libyaml's event parser alone, in C), a second
# reference (the same reading in Swift, keeping the events as a tree) and peers, side by
# side in one run, on the same generated corpus:
#   Benchmarks/run.sh [PLANS]        (default 10000)
# SKIP_PEERS=1 leaves out the two peers (minutes each); SKIP_LARGE=1 the run over ten times
# the plans; SKIP_INSTRUCTIONS=1 the instruction counts and cache misses (valgrind's callgrind
# and cachegrind, when installed).
# Prints CPU seconds, wall seconds, peak RSS and ratios. Needs python3, cc and libyaml-dev;
# check-jsonschema and yamllint are installed into Benchmarks/out/venv.
set -euo pipefail
cd "$(dirname "$0")/.."
plans="${1:-10000}"
out=Benchmarks/out
mkdir -p "$out"

corpus="$out/corpus-$plans"
[ -d "$corpus" ] || python3 Benchmarks/generate-corpus.py "$corpus" --plans "$plans" --seed 1
big="$out/big-plan"
[ -d "$big" ] || python3 Benchmarks/generate-corpus.py "$big" --plans 1 --items 500000 --defects 0 --seed 2

# Built as the README's install does: the Swift runtime linked in, so the binary needs only
# libyaml and the C libraries, and optimised across modules when linked (see
# Benchmarks/README.md, the twenty-ninth round, for what each changes).
swift build -c release --static-swift-stdlib --experimental-lto-mode=full --product fundlint >/dev/null
fundlint=.build/release/fundlint
cc -O2 -o "$out/libyaml-floor" Benchmarks/libyaml-floor.c $(pkg-config --cflags --libs yaml-0.1)
cc -O2 -o "$out/rusage" Benchmarks/rusage.c
# A second reference: the same reading in Swift, keeping the events as a tree (see the file).
swiftc -O -static-stdlib -I Sources/CYAML -o "$out/swift-tree-floor" Benchmarks/swift-tree-floor.swift
if [ ! -x "$out/venv/bin/yamllint" ]; then
    python3 -m venv "$out/venv"
    "$out/venv/bin/pip" install --quiet --disable-pip-version-check check-jsonschema yamllint
fi
"$fundlint" schema > "$out/schema.json"
find "$corpus" -name '*.yaml' | sort > "$out/files.txt"

# measure LABEL COMMAND...: prints "label wall cpu rss_mib system faults user", from the
# command's resource usage (Benchmarks/rusage.c: CPU time in microseconds, not GNU time's
# hundredths; system seconds and minor page faults show what the kernel's share was).
measure() {
    local label="$1"; shift
    local usage
    # A command that crashed has no figures: the run stops rather than print them.
    usage=$("$out/rusage" "$@") || { echo "run.sh: $label did not run to its end" >&2; exit 1; }
    read -r wall cpu rss system faults <<< "$usage"
    echo "$label $wall $cpu $((rss / 1024)) $system $faults $(awk -v c="$cpu" -v s="$system" 'BEGIN { printf "%.4f", c - s }')"
}

# median3 LABEL COMMAND...: the run with the median wall time of three (this machine is noisy).
median3() {
    local label="$1"; shift
    for _ in 1 2 3; do measure "$label" "$@"; done | sort -k2 -n | sed -n 2p
}

bytes=$(cat "$out/files.txt" | xargs cat | wc -c)
echo "corpus: $plans plans, $((bytes / 1024 / 1024)) MiB; $(nproc) cores"
{
    median3 "libyaml-floor" sh -c "\"$out/libyaml-floor\" - < \"$out/files.txt\""
    median3 "swift-tree-floor" sh -c "\"$out/swift-tree-floor\" - < \"$out/files.txt\""
    median3 "fundlint-jobs-1" "$fundlint" --jobs 1 --format json --quiet --output "$out/report.json" "$corpus"
    median3 "fundlint-jobs-$(nproc)" "$fundlint" --format json --quiet --output "$out/report.json" "$corpus"
    median3 "fundlint-compiler-jobs-1" "$fundlint" --jobs 1 --quiet --no-source "$corpus"
    if [ "${SKIP_PEERS:-}" != "1" ]; then
        measure "check-jsonschema" sh -c "xargs \"$out/venv/bin/check-jsonschema\" --schemafile \"$out/schema.json\" < \"$out/files.txt\""
        measure "yamllint" "$out/venv/bin/yamllint" -d relaxed "$corpus"
    fi
    median3 "big-plan-floor" "$out/libyaml-floor" "$big/plan-0.yaml"
    median3 "big-plan-fundlint" "$fundlint" --jobs 1 --format json --quiet --output "$out/big.json" "$big/plan-0.yaml"
} | tee "$out/results.txt" | awk -v floor=0 '
    NR == 1 { floor = $3 }
    $1 == "big-plan-floor" { bigfloor = $3 }
    { ratio = ($1 ~ /^big-plan/ && bigfloor > 0) ? $3 / bigfloor : (floor > 0 ? $3 / floor : 0)
      printf "%-26s wall %8.2f s   cpu %8.2f s (system %5.2f)   rss %6d MiB   faults %7d   cpu/floor %6.2f\n", $1, $2, $3, $5, $4, $6, ratio }'
# Ratios from runs in pairs, back to back, five pairs each, median reported: the speed of
# this machine drifts between runs, and a pair sees the same drift. With SCALE set, each
# pair's ratio is multiplied by it (to compare what two inputs of different sizes cost a byte).
paired() {
    local label="$1" field="$2" scale="${SCALE:-1}"; shift 2
    local split
    split=$(printf '%s\n' "$@" | grep -n '^::$' | cut -d: -f1)
    local first=("${@:1:$((split - 1))}") second=("${@:$((split + 1))}")
    for _ in 1 2 3 4 5; do
        a=$(measure a "${first[@]}" | awk -v f="$field" '{ print $f }')
        b=$(measure b "${second[@]}" | awk -v f="$field" '{ print $f }')
        echo "$b $a" | awk -v s="$scale" '{ printf "%.3f\n", ($2 > 0 ? s * $1 / $2 : 0) }'
    done | sort -n | sed -n 3p | xargs printf "%-52s %s\n" "$label"
}
echo "paired ratios (median of five back-to-back pairs):"
paired "fundlint --jobs 1 CPU / floor CPU" 3 sh -c "\"$out/libyaml-floor\" - < \"$out/files.txt\"" :: \
    "$fundlint" --jobs 1 --format json --quiet --output "$out/report.json" "$corpus"
paired "swift tree floor CPU / floor CPU" 3 sh -c "\"$out/libyaml-floor\" - < \"$out/files.txt\"" :: \
    sh -c "\"$out/swift-tree-floor\" - < \"$out/files.txt\""
paired "fundlint --jobs $(nproc) wall / --jobs 1 wall" 2 "$fundlint" --jobs 1 --format json --quiet --output "$out/report.json" "$corpus" :: \
    "$fundlint" --format json --quiet --output "$out/report.json" "$corpus"
paired "big plan: fundlint CPU / floor CPU" 3 "$out/libyaml-floor" "$big/plan-0.yaml" :: \
    "$fundlint" --jobs 1 --format json --quiet --output "$out/big.json" "$big/plan-0.yaml"
# The same in user time alone: what the big plan costs beyond it is the kernel's, mostly
# page faults for memory touched the first time (slow on some virtual machines).
paired "big plan: fundlint user CPU / floor user CPU" 7 "$out/libyaml-floor" "$big/plan-0.yaml" :: \
    "$fundlint" --jobs 1 --format json --quiet --output "$out/big.json" "$big/plan-0.yaml"
# The target as the performance issue words it: the big plan's CPU seconds a byte against
# the corpus's, in pairs (corpus, big plan). The ratios to the floor above are the stricter
# reading: they do not count the floor's own savings a byte on one large file.
big_bytes=$(wc -c < "$big/plan-0.yaml")
per_byte=$(awk -v c="$bytes" -v b="$big_bytes" 'BEGIN { printf "%.6f", c / b }')
SCALE=$per_byte paired "big plan CPU a byte / corpus CPU a byte (--jobs 1)" 3 \
    "$fundlint" --jobs 1 --format json --quiet --output "$out/report.json" "$corpus" :: \
    "$fundlint" --jobs 1 --format json --quiet --output "$out/big.json" "$big/plan-0.yaml"
SCALE=$per_byte paired "the same for the floor" 3 sh -c "\"$out/libyaml-floor\" - < \"$out/files.txt\"" :: \
    "$out/libyaml-floor" "$big/plan-0.yaml"
# What this machine's cores give by themselves: the corpus dealt into one directory a core
# (hard links), and one `--jobs 1` process on each at the same time, against one `--jobs 1`
# over all of it. Separate processes share no lock, allocator or order of results, so the
# all-cores ratio above is not to be expected below this one.
cores=$(nproc)
if [ "$cores" -gt 1 ]; then
    parts="$out/parts-$plans-$cores"
    if [ ! -d "$parts" ]; then
        rm -rf "$parts.tmp"
        for ((part = 0; part < cores; part++)); do
            mkdir -p "$parts.tmp/part-$part"
            awk -v n="$cores" -v part="$part" '(NR - 1) % n == part' "$out/files.txt" |
                xargs ln -t "$parts.tmp/part-$part"
        done
        mv "$parts.tmp" "$parts"
    fi
    paired "$cores processes on 1/$cores each, wall / --jobs 1 wall" 2 "$fundlint" --jobs 1 --format json --quiet --output "$out/report.json" "$corpus" :: \
        sh -c "for part in \"$parts\"/part-*/; do \"$fundlint\" --jobs 1 --format json --quiet --output \"\${part%/}.json\" \"\$part\" & done; wait"
fi

echo "big plan: $((big_bytes / 1024 / 1024)) MiB"

# Memory as the corpus grows: the same check over ten times the plans.
if [ "${SKIP_LARGE:-}" != "1" ]; then
    large="$out/corpus-$((plans * 10))"
    [ -d "$large" ] || python3 Benchmarks/generate-corpus.py "$large" --plans $((plans * 10)) --seed 1
    # Read once untimed, as the corpus above is by counting its bytes: the first run should
    # not be the one that waits for the disk.
    find "$large" -name '*.yaml' -print0 | xargs -0 cat > /dev/null
    # All cores over ten times the plans too: the cost per file must not grow with the run.
    {
        measure "fundlint-jobs-1-x10" "$fundlint" --jobs 1 --format json --quiet --output "$out/report.json" "$large"
        measure "fundlint-jobs-$(nproc)-x10" "$fundlint" --format json --quiet --output "$out/report.json" "$large"
    } | awk '{ printf "%-26s wall %8.2f s   cpu %8.2f s   rss %6d MiB\n", $1, $2, $3, $4; wall[NR] = $2 }
        END { if (wall[1] > 0) printf "%-52s %.3f\n", "x10: all cores wall / --jobs 1 wall", wall[2] / wall[1] }'
    # The single pair above swings with the machine as any single pair does: in pairs too.
    paired "x10: all cores wall / --jobs 1 wall, paired" 2 "$fundlint" --jobs 1 --format json --quiet --output "$out/report.json" "$large" :: \
        "$fundlint" --format json --quiet --output "$out/report.json" "$large"
fi

# Start-up: one small plan against --version, 100 runs a side, CPU seconds, in five pairs.
small=Examples/west-midlands-bus-delays.yaml
paired "start-up: one small plan CPU / --version CPU (100 runs)" 3 \
    sh -c "for i in \$(seq 100); do \"$fundlint\" --version > /dev/null; done" :: \
    sh -c "for i in \$(seq 100); do \"$fundlint\" --quiet $small > /dev/null; done"

# Instruction counts do not drift with the machine's speed as seconds do: the same two
# ratios counted by callgrind, on the first 1,000 plans and on one small plan.
if [ "${SKIP_INSTRUCTIONS:-}" != "1" ] && command -v valgrind > /dev/null; then
    # fundlint exits 1 when it finds problems, as the corpus has: only the count matters.
    # Hashing made deterministic: with a random seed per run, dictionaries alone move the
    # count by a few hundred thousand instructions from one run to the next.
    instructions() { { SWIFT_DETERMINISTIC_HASHING=1 valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 > /dev/null || true; } | awk '/Collected/ { print $NF }'; }
    # The first 1,000 plans in a directory of their own: given as 1,000 arguments instead,
    # ArgumentParser's own parsing of them would be counted too (it grows with the square
    # of their number).
    head -n 1000 "$out/files.txt" > "$out/files-1000.txt"
    rm -rf "$out/first-1000" && mkdir -p "$out/first-1000"
    xargs cp -t "$out/first-1000" < "$out/files-1000.txt"
    floor_i=$(instructions "$out/libyaml-floor" - < "$out/files-1000.txt")
    tree_i=$(instructions "$out/swift-tree-floor" - < "$out/files-1000.txt")
    fundlint_i=$(instructions "$fundlint" --jobs 1 --format json --quiet --output "$out/report.json" "$out/first-1000")
    version_i=$(instructions "$fundlint" --version)
    small_i=$(instructions "$fundlint" --quiet "$small")
    echo "instructions (callgrind):"
    awk -v f="$floor_i" -v c="$fundlint_i" -v n="$(wc -l < "$out/files-1000.txt")" 'BEGIN {
        printf "%-52s %.3f (%.3f G against %.3f G, %d plans)\n", "fundlint --jobs 1 / floor", c / f, c / 1e9, f / 1e9, n }'
    awk -v f="$floor_i" -v t="$tree_i" 'BEGIN {
        printf "%-52s %.3f (%.3f G)\n", "swift tree floor / floor", t / f, t / 1e9 }'
    awk -v v="$version_i" -v s="$small_i" 'BEGIN {
        printf "%-52s %.3f (%.1f M against %.1f M)\n", "start-up: one small plan / --version", s / v, s / 1e6, v / 1e6 }'
    # First-level data cache misses, simulated by cachegrind for this machine's caches (as
    # steady as the counts above): the floor keeps what it touches in the cache from one
    # plan to the next, and what fundlint misses is time its instructions do not show. Its
    # start-up is set aside as one small plan's misses.
    misses() { { SWIFT_DETERMINISTIC_HASHING=1 valgrind --tool=cachegrind --cache-sim=yes --cachegrind-out-file=/dev/null "$@" 2>&1 > /dev/null || true; } | awk '/D1  misses/ { gsub(",", "", $4); print $4 }'; }
    floor_m=$(misses "$out/libyaml-floor" - < "$out/files-1000.txt")
    fundlint_m=$(misses "$fundlint" --jobs 1 --format json --quiet --output "$out/report.json" "$out/first-1000")
    small_m=$(misses "$fundlint" --quiet "$small")
    echo "first-level data cache misses (cachegrind):"
    awk -v f="$floor_m" -v c="$fundlint_m" -v s="$small_m" -v n="$(wc -l < "$out/files-1000.txt")" 'BEGIN {
        printf "%-52s %d against the floor'"'"'s %d (%d plans)\n", "fundlint --jobs 1", c, f, n
        printf "%-52s %.0f against the floor'"'"'s %.1f\n", "a plan, start-up set aside", (c - s) / (n - 1), f / n }'
fi
