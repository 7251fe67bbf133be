#!/usr/bin/env bash
# The demo: builds the provider, starts the embedded AD and Keycloak 26.7.0 (fetched by Maven)
# with our JAR and realm-config/corp-connector.json, then prints the URLs and demo credentials.
# Ctrl-C stops everything. State lives in ./demo-data (delete it to start from scratch).
# Maven stays quiet (-q); a line per phase says what is going on, since a first run on a fresh
# machine spends minutes fetching before anything else can be said.
set -euo pipefail
cd "$(dirname "$0")"
keycloak=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml)
say() { echo "[demo] $*"; }

say "building the provider JAR (Maven; a first run also fetches Maven's plugins and Keycloak's libraries)"
mvn -B -q install -DskipTests -pl provider -am
say "fetching Keycloak $keycloak (a first run downloads its distribution and the test dependencies) and building the demo launcher"
mvn -B -q install -DskipTests -pl realm-config,it-tests
say "launching the demo (Maven's exec plugin)"
# ./demo.sh --cluster: the same on two Keycloak nodes with PostgreSQL (docs/deployment.md, section 5).
exec mvn -B -q -pl it-tests exec:java@demo -Dexec.args="$*"
