#!/usr/bin/env bash
# Builds the libFuzzer targets with -sanitize=fuzzer,address and runs one of them.
#   Fuzz/run.sh TARGET [SECONDS] [extra libFuzzer flags]
# TARGET is FuzzPipeline (bytes -> tree -> schema -> rules -> every output), FuzzPack (the
# rule-pack and configuration loaders) or FuzzExpression (the expression language).
# The corpus lives in Fuzz/out/TARGET (seeded from Examples/, Rules/ and the
# yaml-test-suite); crashes are written to Fuzz/out/TARGET-crashes/.
set -euo pipefail
cd "$(dirname "$0")"
target="${1:?usage: Fuzz/run.sh FuzzPipeline|FuzzPack|FuzzExpression [SECONDS]}"
seconds="${2:-60}"
shift $(( $# >= 2 ? 2 : 1 ))
# Every target (fundlint's libraries included) is built with AddressSanitizer and the coverage
# libFuzzer needs; only the fuzzing targets link libFuzzer itself (Package.swift), so the
# build's own tools (the rule-pack snapshotter) keep their own main.
# SwiftPM plans a build once and, for a package it depends on by path (fundlint here), does
# not notice a source file added to it: the file would be missing from this build. The plan
# is dropped whenever the list of fundlint's files changes.
files=$(cd .. && find Sources Rules -type f | LC_ALL=C sort | cksum)
if [ "$(cat .build/fundlint-files 2>/dev/null)" != "$files" ]; then
    rm -f .build/release/description.json
fi
swift build -c release -Xswiftc -sanitize=address \
    -Xswiftc -sanitize-coverage=edge,trace-cmp,indirect-calls,inline-8bit-counters,pc-table --product "$target"
echo "$files" > .build/fundlint-files
corpus="out/$target"
crashes="out/$target-crashes"
mkdir -p "$corpus" "$crashes"
if [ -z "$(ls -A "$corpus")" ]; then
    case "$target" in
        FuzzPipeline)
            cp ../Examples/*.yaml "$corpus"/
            suite="${FUNDLINT_YAML_TEST_SUITE:-../../shared/yaml-test-suite}"
            if [ -d "$suite" ]; then
                find "$suite" -name in.yaml | while read -r f; do cp "$f" "$corpus/suite-$(echo "$f" | md5sum | cut -c1-12).yaml"; done
            fi ;;
        FuzzPack)
            cp ../Rules/*.yaml "$corpus"/
            cp ../Tests/FundLintTests/Fixtures/*.yaml "$corpus"/ ;;
        FuzzExpression)
            grep -hoE "(assert|when|limit|group|sum|unique): .*" ../Rules/lipf-2026.yaml | sed -E 's/^[a-z_]+: //; s/^"//; s/"$//' \
                | awk '{ print > ("'"$corpus"'/seed-" NR) }' ;;
    esac
fi
export LSAN_OPTIONS="suppressions=$PWD/../scripts/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
exec ".build/release/$target" "$corpus" -dict=yaml.dict -max_total_time="$seconds" -artifact_prefix="$crashes/" \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$@"
