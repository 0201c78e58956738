#!/usr/bin/env bash
# Renders the HTML reviewer report of a batch of plans to a PNG with headless Chromium, to
# look at it as a reviewer would (on screen and, with --print, as a PDF page).
#   scripts/render-report.sh [PLANS_DIR] [OUT_PREFIX]
# Without PLANS_DIR, generates a batch of 100 plans (a fifth with one defect each).
set -euo pipefail
cd "$(dirname "$0")/.."
plans="${1:-}"
out="${2:-/tmp/fundlint-report}"
if [ -z "$plans" ]; then
    plans="$(mktemp -d)/plans"
    python3 Benchmarks/generate-corpus.py "$plans" --plans 100 --seed 7
fi
command -v chromium >/dev/null || { apt-get update && apt-get install -y chromium; }
swift build -q
.build/debug/fundlint report --format html --output "$out.html" "$plans" || true
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,3000 \
    --screenshot="$out.png" "file://$out.html" 2>/dev/null
chromium --headless --no-sandbox --disable-gpu --print-to-pdf="$out.pdf" --no-pdf-header-footer "file://$out.html" 2>/dev/null
echo "wrote $out.html, $out.png and $out.pdf"
