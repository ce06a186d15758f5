#!/usr/bin/env bash
# A throwaway OpenLink Virtuoso (Debian's virtuoso-opensource 7.2) on 127.0.0.1 for the tests of
# the remote SPARQL store (tests/scale) and `make bench`.
#
#   bash .ci/virtuoso.sh start [DIR]   install if missing (root + apt), start, wait until it answers
#   bash .ci/virtuoso.sh status [DIR]  exit 0 when the server answers
#   bash .ci/virtuoso.sh stop [DIR]    stop it and delete its database directory
#
# DIR (default: $VIRTUOSO_DIR or /tmp/resgraph-virtuoso) holds the database, virtuoso.ini and
# the pid file. Ports: HTTP $VIRTUOSO_HTTP_PORT (default 18890), SQL $VIRTUOSO_SQL_PORT (default
# 11111), both bound to 127.0.0.1 only. `start` prints the SPARQL endpoint URL on stdout.
# The database is throwaway: the default dba password is kept, and the anonymous SPARQL user is
# granted SPARQL_UPDATE so that /sparql (updates) and /sparql-graph-crud (Graph Store Protocol)
# accept writes from loopback without credentials. Never point this script at a real database.
set -euo pipefail

cmd="${1:-status}"
dir="${2:-${VIRTUOSO_DIR:-/tmp/resgraph-virtuoso}}"
http_port="${VIRTUOSO_HTTP_PORT:-18890}"
sql_port="${VIRTUOSO_SQL_PORT:-11111}"
endpoint="http://127.0.0.1:${http_port}/sparql"

find_bin() {
  for b in virtuoso-t /usr/bin/virtuoso-t /usr/lib/virtuoso-opensource-7/bin/virtuoso-t; do
    command -v "$b" >/dev/null 2>&1 && { command -v "$b"; return 0; }
  done
  return 1
}

find_isql() {
  for b in isql-vt isql-v /usr/lib/virtuoso-opensource-7/bin/isql; do
    command -v "$b" >/dev/null 2>&1 && { command -v "$b"; return 0; }
  done
  return 1
}

answers() {
  python3 - "$endpoint" <<'EOF' >/dev/null 2>&1
import sys, urllib.parse, urllib.request
q = urllib.parse.urlencode({"query": "ASK {}"})
with urllib.request.urlopen(f"{sys.argv[1]}?{q}", timeout=2) as r:
    sys.exit(0 if r.status == 200 else 1)
EOF
}

install() {
  find_bin >/dev/null && return 0
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "virtuoso: not installed; install with: sudo apt-get install -y virtuoso-opensource" >&2
    exit 3
  fi
  echo "virtuoso: installing virtuoso-opensource ..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends virtuoso-opensource >/dev/null
}

write_ini() {
  local vad=/usr/share/virtuoso-opensource-7/vad
  cat >"$dir/virtuoso.ini" <<EOF
[Database]
DatabaseFile    = $dir/virtuoso.db
ErrorLogFile    = $dir/virtuoso.log
LockFile        = $dir/virtuoso.lck
TransactionFile = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
ErrorLogLevel   = 7
FileExtend      = 200
Striping        = 0
TempStorage     = TempDatabase

[TempDatabase]
DatabaseFile    = $dir/virtuoso-temp.db
TransactionFile = $dir/virtuoso-temp.trx
Striping        = 0

[Parameters]
ServerPort           = 127.0.0.1:${sql_port}
DisableUnixSocket    = 1
MaxClientConnections = 10
CheckpointInterval   = 60
CaseMode             = 2
DirsAllowed          = ., $vad
VADInstallDir        = $vad/
NumberOfBuffers      = 20000
MaxDirtyBuffers      = 15000
ThreadsPerQuery      = 2
; ORDER BY + OFFSET beyond this many rows fails (SR353); resgraph pages capped answers that way.
MaxSortedTopRows     = 10000000

[HTTPServer]
ServerPort           = 127.0.0.1:${http_port}
ServerRoot           = $dir
MaxClientConnections = 10
ServerThreads        = 10
Charset              = UTF-8
EnabledGzipContent   = 0

[SPARQL]
; Virtuoso's defaults, kept on purpose: the client must cope with the result cap.
ResultSetMaxRows           = 10000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = 60
EOF
}

start() {
  install
  if [ -f "$dir/virtuoso.pid" ] && kill -0 "$(cat "$dir/virtuoso.pid")" 2>/dev/null && answers; then
    echo "$endpoint"
    return 0
  fi
  rm -rf "$dir"
  mkdir -p "$dir"
  write_ini
  local bin
  bin="$(find_bin)"
  (cd "$dir" && exec "$bin" +configfile "$dir/virtuoso.ini" +foreground >"$dir/stdout.log" 2>&1) &
  echo $! >"$dir/virtuoso.pid"
  for _ in $(seq 1 120); do
    answers && break
    if ! kill -0 "$(cat "$dir/virtuoso.pid")" 2>/dev/null; then
      echo "virtuoso: the server exited; its log:" >&2
      tail -n 30 "$dir/virtuoso.log" "$dir/stdout.log" >&2 || true
      exit 1
    fi
    sleep 0.5
  done
  answers || { echo "virtuoso: no answer on $endpoint after 60 s" >&2; exit 1; }
  local isql
  isql="$(find_isql)"
  "$isql" "127.0.0.1:${sql_port}" dba dba >"$dir/isql.log" 2>&1 <<'EOF'
GRANT SPARQL_UPDATE TO "SPARQL";
DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);
EOF
  echo "$endpoint"
}

stop() {
  if [ -f "$dir/virtuoso.pid" ]; then
    local pid
    pid="$(cat "$dir/virtuoso.pid")"
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    fi
  fi
  rm -rf "$dir"
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  status) answers && echo "$endpoint" ;;
  *) echo "usage: $0 start|stop|status [DIR]" >&2; exit 2 ;;
esac
