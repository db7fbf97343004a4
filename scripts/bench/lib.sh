# Shared helpers of the benchmark scripts: start a throw-away RedLive, run wrk, take medians.
# Source it from a script under scripts/bench/.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
JAR="$ROOT/target/redlive.jar"

ensure_tools() {
  if [ ! -f "$JAR" ]; then (cd "$ROOT" && mvn -q -B package -DskipTests); fi
  if ! command -v wrk >/dev/null; then
    apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# free_cluster_port: a free port whose Redis Cluster bus port (the port + 10000) is below 65536 and free too; a node
# on a port above 55535 does not start
free_cluster_port() {
  python3 -c "import sys; sys.path.insert(0, '$ROOT/scripts'); import rig; print(rig.free_cluster_port())"
}

# start_redlive <data-dir> <port> <manager-password> [extra env...]: starts in embedded mode, waits until ready.
start_redlive() {
  local data="$1" port="$2" password="$3"; shift 3
  env REDLIVE_DATA_DIR="$data" REDLIVE_HTTP_PORT="$port" REDLIVE_HTTP_HOST=127.0.0.1 \
    REDLIVE_AUTH_BOOTSTRAP_MANAGER_PASSWORD="$password" "$@" \
    java -jar "$JAR" >"$data.log" 2>&1 &
  REDLIVE_PID=$!
  for _ in $(seq 1 120); do
    if curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; then return 0; fi
    sleep 1
  done
  echo "RedLive did not become ready; log: $data.log" >&2
  return 1
}

login_token() {
  local port="$1" user="$2" password="$3"
  curl -sf -X POST "http://127.0.0.1:$port/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$user\",\"password\":\"$password\"}" |
    python3 -c 'import sys, json; print(json.load(sys.stdin)["accessToken"])'
}

# wrk_run <seconds> <connections> <url> [wrk args...] -> prints "rps p50_ms p99_ms"
wrk_run() {
  local seconds="$1" connections="$2" url="$3"; shift 3
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@" "$url" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    $1 == "50.000%" || $1 == "50%" { p50 = ms($2) }
    $1 == "99.000%" || $1 == "99%" { p99 = ms($2) }
    /Non-2xx or 3xx responses/ { bad = $5 }
    END { printf "%.0f %.2f %.2f\n", rps, p50, p99; if (bad > 0) print "warning: " bad " non-2xx responses" > "/dev/stderr" }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
