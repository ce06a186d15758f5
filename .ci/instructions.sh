#!/usr/bin/env bash
# Instructions the extractor executes, before and after a change: the spaCy pipeline (citations
# and assignments on loaded, segmented documents) and the whole chain (extract_document) on
# about 1 MB of synthetic text and on the seeds and gold passages, counted by valgrind for
# revision REV (default HEAD) and for the working tree (`make instructions REV=main`).
#
# Why instructions: CPU time on a shared machine moves 10-25% between runs, more than most
# speed changes; an instruction count repeats exactly (with PYTHONHASHSEED fixed and OpenBLAS
# kept to one thread: its idle threads spin, and valgrind counts the spinning). Each figure is
# a run of the work minus a run that only loads and warms up, so imports and first-use tables
# are left out. It takes a few minutes (valgrind runs Python about 50x slower).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v valgrind >/dev/null; then
  echo "valgrind is not installed: apt-get install valgrind" >&2
  exit 1
fi
. .ci/base-tree.sh  # rev, py, tmp and the worktree "$tmp/base"
"$py" -c "from extract import generate_corpus; generate_corpus('$tmp/synth', total_bytes=1_200_000, seed=2024)"
real=("$(realpath data/corpus)" "$(realpath tests/gold/dev/texts)")
cat > "$tmp/work.py" <<'PY'
import sys
from pathlib import Path

from extract import build_nlp, extract_document, languages_of, load_document, segment
from extract import warm_for_workers
from extract.assignments.find import find_assignments
from extract.citations.find import find_citation_parts, find_citations

mode, stage, *folders = sys.argv[1:]
paths = sorted(p for f in folders for p in Path(f).iterdir() if p.is_file())
nlps = {lang: build_nlp(lang) for lang in ("en", "zh")}


def pipeline(docs):
    for d, st in docs:
        nlp = nlps["zh" if d.lang.startswith("zh") else "en"]
        parts = find_citation_parts(d.text, nlp)
        find_citations(d, st, nlp, parts)
        find_assignments(d, st, nlp, parts)


# what a long run builds once (pipelines, the actor tables of the languages present, regexes
# compiled on first use) is built before counting, as for a pool's workers
warm_for_workers(languages_of([str(p) for p in paths]))
timed = paths
if stage == "pipeline":
    docs = [(d, segment(d)) for d in map(load_document, timed)]
    if mode == "run":
        pipeline(docs)
elif mode == "run":
    for p in timed:
        extract_document(p)
print(sum(p.stat().st_size for p in timed))
PY
count() {  # tree mode stage folders... -> instructions
  local tree=$1
  shift
  (cd "$tree" && OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 PYTHONHASHSEED=0 PYTHONPATH="$tree" \
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    "$py" "$tmp/work.py" "$@" 2>&1 >"$tmp/bytes" | grep -o "I *refs: *[0-9,]*" | tr -dc 0-9)
}
for corpus in synthetic real; do
  if [ "$corpus" = synthetic ]; then folders=("$tmp/synth"); else folders=("${real[@]}"); fi
  for stage in pipeline chain; do
    line="$corpus $stage:"
    for tree in "$tmp/base" "$PWD"; do
      none=$(count "$tree" none "$stage" "${folders[@]}")
      run=$(count "$tree" run "$stage" "${folders[@]}")
      line="$line $(( (run - none) / 1000000 ))M"
    done
    echo "$line  ($rev -> working tree; $(cat "$tmp/bytes") bytes counted)"
  done
done
