#!/usr/bin/env bash
# Check that pyproject.toml's lower bounds are honest: install the project into a fresh virtual
# environment with every direct dependency pinned to its lower bound, run the fast tests and
# print the versions used; then the same with the newest versions. Needs PyPI; each run downloads
# TensorFlow (about 0.6 GB), so the pair takes about five minutes. .ci/run runs the lowest half.
#   bash tools/check_lowest_versions.sh [lowest|newest|both] [python]   (default: both, python3)
# Exits non-zero if the tests fail in either environment.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
which=${1:-both}
python=${2:-python3}
case $which in
  lowest | newest | both) ;;
  *) echo "usage: $0 [lowest|newest|both] [python]" >&2; exit 2 ;;
esac
work=$(mktemp -d "${TMPDIR:-/tmp}/mnist-arcade-versions.XXXXXX")
trap 'rm -rf "$work"' EXIT

# One `name==lower-bound` line per direct dependency (run-time and the [test] extra), read from
# pyproject.toml. Every dependency must have a `>=` bound that names a released version.
"$python" - "$repo/pyproject.toml" >"$work/lowest.txt" <<'EOF'
import re
import sys
import tomllib

with open(sys.argv[1], "rb") as file:
    project = tomllib.load(file)["project"]
requirements = project["dependencies"] + project["optional-dependencies"]["test"]
for requirement in requirements:
    match = re.match(r"\s*([A-Za-z0-9_.-]+)[^;]*?>=\s*([0-9][^,;\s]*)", requirement)
    if not match:
        sys.exit(f"no lower bound (>=) in {requirement!r}")
    print(f"{match[1]}=={match[2]}")
EOF

check() {  # check NAME [pip install options...]; set -e does not reach inside `check || ...`
  local name=$1 venv=$work/$1 start status=0
  shift
  echo "=== $name versions ==="
  "$python" -m venv "$venv" || return 1
  start=$SECONDS
  if ! "$venv/bin/pip" install --disable-pip-version-check "$@" "$repo[test]" >"$venv.log" 2>&1
  then
    tail -n 30 "$venv.log"
    return 1
  fi
  echo "installed in $((SECONDS - start)) s"
  sed 's/==.*//' "$work/lowest.txt" | "$venv/bin/python" -c '
import sys
from importlib.metadata import version
print("python", sys.version.split()[0])
for name in sys.stdin.read().split():
    print(name, version(name))
' || return 1
  # The tests run from the checkout (for tests/ and ../shared/data) with this environment's
  # packages; -p no:cacheprovider leaves nothing behind in the tree.
  start=$SECONDS
  (cd "$repo" && "$venv/bin/python" -m pytest -m "not slow" -q -p no:cacheprovider) || status=$?
  echo "tests took $((SECONDS - start)) s"
  rm -rf "$venv"
  return "$status"
}

status=0
if [[ $which == lowest || $which == both ]]; then
  echo "constraints:" $(cat "$work/lowest.txt")
  check lowest --constraint "$work/lowest.txt" || status=1
fi
if [[ $which == newest || $which == both ]]; then
  check newest || status=1
fi
exit "$status"
