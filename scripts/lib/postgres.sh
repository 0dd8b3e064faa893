# Throwaway PostgreSQL cluster for tests. Source it, then call pg_start / pg_stop.
# Sets PG_CONNECTION_STRING (Npgsql format). Installs PostgreSQL with apt if it is missing.

pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && echo "$dir"
}

pg_install_if_missing() {
  if [ -z "$(pg_bindir)" ]; then
    echo "PostgreSQL not found: installing it with apt" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq postgresql >/dev/null
  fi
}

pg_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

pg_start() {
  pg_install_if_missing
  local bin; bin=$(pg_bindir)
  PG_DIR=$(mktemp -d /tmp/glidepath-pg.XXXXXX)
  PG_PORT=$(pg_free_port)
  chmod 755 "$PG_DIR"
  local as=()
  # initdb refuses to run as root: use the postgres account that the package creates.
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home "$PG_DIR" postgres
    chown postgres "$PG_DIR"
    as=(runuser -u postgres --)
  fi
  "${as[@]}" "$bin/initdb" -D "$PG_DIR/data" -U glidepath --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
  PG_AS=("${as[@]}")
  PG_BIN=$bin
  PG_CONNECTION_STRING="Host=127.0.0.1;Port=$PG_PORT;Username=glidepath;Database=postgres;Include Error Detail=true"
  export PG_CONNECTION_STRING PG_DIR PG_PORT
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT" >&2
}

pg_stop() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ]; then
    "${PG_AS[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
