# Sourced by the before/after scripts (records-diff.sh, instructions.sh): from the project root,
# revision REV (default HEAD) checked out in a temporary worktree at "$tmp/base", removed with
# the temporary directory when the script exits; "$py" is the project's Python.
rev="${REV:-HEAD}"
py="$PWD/.venv/bin/python"
tmp="$(mktemp -d)"
trap 'git worktree remove --force "$tmp/base" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
git worktree add --detach --quiet "$tmp/base" "$rev"
