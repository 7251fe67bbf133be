#!/usr/bin/env bash
# PostgreSQL for the two-node cluster tests and `./demo.sh --cluster`: Debian's package, its
# cluster started, and a role adfed (password adfed) that may create databases; each test and the
# demo create their own database. Idempotent: run it again at any time. Run as root.
set -euo pipefail

if ! compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  for attempt in 1 2 3; do   # a mirror's hiccup should not fail the run
    apt-get update -qq >/dev/null && apt-get install -y -qq postgresql >/dev/null && break
    echo "apt-get could not install postgresql (attempt $attempt)"; sleep 10
  done
fi

# Debian's package creates a cluster (15 main on bookworm); a machine without one gets it here.
if [ -z "$(pg_lsclusters -h)" ]; then
  version=$(basename "$(dirname "$(dirname "$(compgen -G '/usr/lib/postgresql/*/bin/postgres' | sort -V | tail -1)")")")
  pg_createcluster "$version" main >/dev/null
fi
read -r version cluster _ status _ <<<"$(pg_lsclusters -h | head -1)"
[ "$status" = online ] || pg_ctlcluster "$version" "$cluster" start
for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 && break; sleep 0.5; done
pg_isready -h 127.0.0.1

runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtA <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'adfed') THEN
    CREATE ROLE adfed LOGIN CREATEDB PASSWORD 'adfed';
  END IF;
END $$;
SQL
echo "PostgreSQL $version/$cluster is up on 127.0.0.1:5432; role adfed (password adfed) may create databases"
