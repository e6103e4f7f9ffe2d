#!/usr/bin/env bash
# Runs every test against a real PostgreSQL (an embedded cluster the tests start themselves) and a
# real headless Chromium. Installs what a fresh Debian machine lacks, then prints the totals.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v pg_ctl >/dev/null 2>&1 || compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
# The PDF tests read PDFs with poppler-utils (pdftotext, pdffonts, pdftoppm); Chromium prints the reports in
# Liberation Serif, Times New Roman's metric twin.
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ -f /usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf ] || missing+=(fonts-liberation)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing ${missing[*]} (apt-get)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Missing ${missing[*]}: install with 'sudo apt-get install ${missing[*]}'" >&2
    exit 1
  fi
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0
dotnet test Nq45Consult.sln --logger trx --results-directory "$results" "$@" || status=$?

# The totals come from the runs' own result files, so a run that executed nothing shows as such.
sum() { grep -ho "<Counters [^>]*" "$results"/*.trx 2>/dev/null | grep -o " $1=\"[0-9]*\"" | grep -o "[0-9]*" | awk '{s+=$1} END {print s+0}'; }
passed=$(sum passed)
failed=$(sum failed)
echo "${passed} passed, ${failed} failed"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "No test was executed." >&2
  exit 1
fi
exit "$status"
