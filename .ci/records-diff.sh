#!/usr/bin/env bash
# Records before and after a change: every record of the seeds, the gold passages and a 10 MB
# synthetic corpus, extracted by revision REV (default HEAD) and by the working tree, compared
# line by line. A speed change must leave them identical (`make records-diff REV=main`).
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/base-tree.sh  # rev, py, tmp and the worktree "$tmp/base"
"$py" -c "from extract import generate_corpus; generate_corpus('$tmp/synth', total_bytes=10_000_000, seed=2024)"
inputs=(data/corpus tests/gold/dev/texts tests/gold/probe*/texts "$tmp/synth")
absolute=()
for p in "${inputs[@]}"; do absolute+=("$(realpath "$p")"); done
extract() {  # tree output
  (cd "$1" && PYTHONPATH="$1" "$py" -m api.cli extract --format jsonl "${absolute[@]}" > "$2")
}
extract "$tmp/base" "$tmp/before.jsonl"
extract "$PWD" "$tmp/after.jsonl"
if cmp -s "$tmp/before.jsonl" "$tmp/after.jsonl"; then
  echo "records identical: $(wc -l < "$tmp/after.jsonl") records of ${#inputs[@]} inputs ($rev vs working tree)"
else
  diff "$tmp/before.jsonl" "$tmp/after.jsonl" | head -40
  echo "records differ ($rev vs working tree): see the lines above" >&2
  exit 1
fi
