#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer and under ThreadSanitizer (the parallel
# checker must be race-free). Each uses its own build folder.
#   scripts/sanitize.sh [address|thread]...   (default: both)
set -euo pipefail
cd "$(dirname "$0")/.."
sanitizers=("$@")
[ ${#sanitizers[@]} -gt 0 ] || sanitizers=(address thread)
# Known false reports at exit are suppressed (see the file); memory errors never are.
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
for sanitizer in "${sanitizers[@]}"; do
    echo "== swift test --sanitize=$sanitizer"
    # Sanitizers reserve far more address space than the hostile-input tests' ulimit allows.
    FUNDLINT_SANITIZER="$sanitizer" swift test --sanitize="$sanitizer" --scratch-path ".build-$sanitizer"
done
