#!/usr/bin/env bash
# The demo: builds the provider, starts the embedded AD and Keycloak 26.7.0 (fetched by Maven)
# with our JAR and realm-config/corp-connector.json, then prints the URLs and demo credentials.
# Ctrl-C stops everything. State lives in ./demo-data (delete it to start from scratch).
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q install -DskipTests
# ./demo.sh --cluster: the same on two Keycloak nodes with PostgreSQL (docs/deployment.md, section 5).
exec mvn -B -q -pl it-tests exec:java@demo -Dexec.args="$*"
