#!/usr/bin/env bash
# The trust-mode sync benchmark (TrustSyncBenchmarkTest) at the sizes of docs/performance.md, on both
# databases, in one command: Samba's CORP DC with 10,000 users + 1,000 groups, and the embedded AD with
# 100,000 users + 10,000 groups, each on H2 and on PostgreSQL; every table into one file labelled by
# directory and database: it-tests/target/sync-benchmarks.md.
#
# Usage (from the repository's root; Samba from .ci/run or ../shared/samba/ad-dc.sh, PostgreSQL from
# .ci/postgres.sh):  it-tests/sync-benchmarks.sh [STEP...]
#   steps: samba-h2 samba-postgres embedded-h2 embedded-postgres (default: all four, in that order)
#   sizes: SAMBA_USERS, SAMBA_GROUPS (10000, 1000), EMBEDDED_USERS, EMBEDDED_GROUPS (100000, 10000)
#   BUILT_IN_STEPS: the steps that run Keycloak's built-in provider beside ad-trust (default: both Samba
#   steps; empty: none; at 100,000 users it is left out: its first sync would take hours)
# Each step is one Keycloak on a fresh database (H2: a file of its own under it-tests/target, removed
# after; PostgreSQL: adfed_it made afresh), so no realm of another run shares its database. The Samba
# steps share one population (-Dadfed.bench.keepSambaPopulation); the last Samba step removes it
# (KEEP_SAMBA_POPULATION=true keeps it for a later run).
# It takes long: about 15 minutes per Samba step, 10 per embedded one (2-core machine).
set -euo pipefail
cd "$(dirname "$0")/.."
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(samba-h2 samba-postgres embedded-h2 embedded-postgres)
out=it-tests/target/sync-benchmarks.md
mkdir -p it-tests/target
printf '# Sync benchmarks by directory and database (%s, commit %s)\n\n' "$(date -u +%F\ %H:%M\ UTC)" \
  "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" > "$out"

last_samba=""
for step in "${steps[@]}"; do [[ $step == samba-* ]] && last_samba=$step; done

for step in "${steps[@]}"; do
  directory=${step%-*} database=${step#*-}
  args=(-B verify -pl it-tests -am -Dtest=TrustSyncBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false)
  case $directory in
    samba) [[ " ${BUILT_IN_STEPS-samba-h2 samba-postgres} " == *" $step "* ]] || args+=(-Dadfed.bench.builtIn=false)
           args+=(-Dadfed.bench.directory=samba -Dadfed.bench.users="${SAMBA_USERS:-10000}"
                  -Dadfed.bench.groups="${SAMBA_GROUPS:-1000}")
           [ "$step" = "$last_samba" ] && [ "${KEEP_SAMBA_POPULATION:-false}" != true ] \
             || args+=(-Dadfed.bench.keepSambaPopulation=true) ;;
    embedded) args+=(-Dadfed.bench.users="${EMBEDDED_USERS:-100000}" -Dadfed.bench.groups="${EMBEDDED_GROUPS:-10000}"
                     -Dadfed.bench.builtIn=false) ;;
    *) echo "unknown step $step (samba-h2 samba-postgres embedded-h2 embedded-postgres)" >&2; exit 2 ;;
  esac
  h2=""
  case $database in
    h2) h2=$PWD/it-tests/target/bench-h2-$step
        rm -rf "$h2"
        args+=("-Dkc.test.database.url=jdbc:h2:file:$h2/keycloak;NON_KEYWORDS=VALUE;AUTO_SERVER=TRUE") ;;
    postgres) args+=(-Dadfed.database=postgres) ;;
    *) echo "unknown database in $step" >&2; exit 2 ;;
  esac
  echo "== $step: mvn ${args[*]}"
  mvn "${args[@]}"
  table=it-tests/target/sync-benchmark.md
  [ "$database" = postgres ] && table=it-tests/target/sync-benchmark-postgres.md
  { printf '## %s on %s\n\n' "$directory" "$database"; tail -n +2 "$table"; echo; } >> "$out"
  [ -z "$h2" ] || rm -rf "$h2"
done
echo "tables: $out"
