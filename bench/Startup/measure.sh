#!/usr/bin/env bash
# Measures, from a fresh clone of this repository: the time from `dotnet run` to /health/ready
# (build, cluster initialisation, schema and seeding included), a warm restart, and a restart after
# the app was killed with SIGKILL (leftover postmaster). Prints one line per figure.
# --smoke [configuration]: no clone and no build — the checkout as built (Debug unless named) with its data in a
# temporary folder, the same three starts; fails unless each reaches /health/ready (the test suite runs it).
set -euo pipefail
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
work=$(mktemp -d)
trap 'kill_app; rm -rf "$work"' EXIT
smoke=""
if [ "${1:-}" = "--smoke" ]; then
  smoke=1
  cd "$repo"
  unset ConnectionStrings__Marten
  export EmbeddedPostgres__DataPath="$work/pg" Seed__DemoPasswordFile="$work/demo-password.txt"
  export EmbeddedPostgres__Port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  run_args=(--no-build -c "${2:-Debug}")
else
  git clone -q "$repo" "$work/clone"
  cd "$work/clone"
  run_args=()
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
pid=""

# The app runs in its own session so that a signal reaches `dotnet run` and the app it started
# (SIGTERM: a non-interactive shell starts background jobs with SIGINT ignored);
# the postmaster has a session of its own and survives a SIGKILL, as after a real crash.
kill_app() {
  [ -n "$pid" ] || return 0
  kill "${1:--TERM}" -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=""
}

start_and_time() {
  local label=$1 start=$(date +%s.%N)
  setsid dotnet run "${run_args[@]}" --project src/Web --urls "$url" >"$work/$label.log" 2>&1 &
  pid=$!
  until curl -fs "$url/health/ready" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "$label: the app exited; see its log:"; tail -20 "$work/$label.log"; exit 1; }
    sleep 0.2
  done
  printf '%s: %.1f s to /health/ready\n' "$label" "$(echo "$(date +%s.%N) - $start" | bc)"
}

if [ -n "$smoke" ]; then first="fresh data (initdb, schema, seed; already built)"; else first="fresh clone (restore, build, initdb, schema, seed)"; fi
start_and_time "$first"
kill_app -TERM
start_and_time "warm restart (built, data kept)"
kill_app -KILL
start_and_time "restart after SIGKILL (leftover postmaster)"
kill_app -TERM
[ -z "$smoke" ] || echo "Smoke run: every check held."
