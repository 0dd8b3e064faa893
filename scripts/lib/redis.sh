# Throwaway Redis for tests and scripts/cluster. Source it, then call redis_start [DIR] / redis_stop.
# Sets REDIS_CONNECTION_STRING (StackExchange.Redis format), REDIS_PORT and REDIS_DIR. Installs redis-server
# with apt if it is missing. Loopback only, no persistence (the app keeps nothing in Redis that it cannot lose).

redis_install_if_missing() {
  if ! command -v redis-server >/dev/null; then
    echo "redis-server not found: installing it with apt" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq redis-server >/dev/null
  fi
}

redis_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# redis_start [DIR]: a redis-server on a free loopback port, its pid file and log in DIR (a new temp folder by default).
redis_start() {
  redis_install_if_missing
  REDIS_OWN_DIR=
  if [ -n "${1:-}" ]; then REDIS_DIR=$1; else REDIS_DIR=$(mktemp -d /tmp/glidepath-redis.XXXXXX); REDIS_OWN_DIR=1; fi
  mkdir -p "$REDIS_DIR"
  REDIS_PORT=$(redis_free_port)
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no --protected-mode yes \
    --daemonize yes --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" --dir "$REDIS_DIR" >/dev/null
  local i
  for i in $(seq 1 50); do
    if redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; then break; fi
    sleep 0.1
  done
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping | grep -q PONG || { echo "redis-server did not start (see $REDIS_DIR/redis.log)" >&2; return 1; }
  REDIS_CONNECTION_STRING="127.0.0.1:$REDIS_PORT"
  export REDIS_CONNECTION_STRING REDIS_PORT REDIS_DIR
  echo "Redis $(redis-server --version | sed -n 's/.* v=\([^ ]*\).*/\1/p') on 127.0.0.1:$REDIS_PORT" >&2
}

redis_stop() {
  if [ -n "${REDIS_DIR:-}" ] && [ -f "$REDIS_DIR/redis.pid" ]; then
    kill "$(cat "$REDIS_DIR/redis.pid")" 2>/dev/null || true
    rm -f "$REDIS_DIR/redis.pid"
  fi
  if [ -n "${REDIS_OWN_DIR:-}" ] && [ -n "${REDIS_DIR:-}" ]; then rm -rf "$REDIS_DIR"; fi
}
