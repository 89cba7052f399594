# Sourced by .ci/run: start a throwaway PostgreSQL on a local socket when its binaries are
# installed, and export PROTOKOLL_TEST_PG_URL so the store's PostgreSQL tests run against it.
# Without the binaries those tests skip, and say so.
start_test_postgres() {
  command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 || return 0
  id postgres >/dev/null 2>&1 || return 0
  local dir
  dir=$(mktemp -d /tmp/protokoll-pg.XXXXXX)
  chown postgres "$dir"
  su postgres -c "initdb -D '$dir/data' -U postgres -A trust >/dev/null" || return 0
  su postgres -c "pg_ctl -D '$dir/data' -o \"-k '$dir' -c listen_addresses=''\" -l '$dir/log' -w start >/dev/null" || return 0
  su postgres -c "createdb -h '$dir' -U postgres protokoll_test" || return 0
  export PROTOKOLL_TEST_PG_URL="postgresql+psycopg2://postgres@/protokoll_test?host=$dir"
  trap "su postgres -c \"pg_ctl -D '$dir/data' -m immediate stop\" >/dev/null 2>&1; rm -rf '$dir'" EXIT
}
