#!/bin/sh
# Run by Maven (it-tests/pom.xml, before the tests): which Keycloak distribution the test framework starts.
# Usage: keycloak-dist-under-test.sh DIST_VERSION PINNED_VERSION DIST_ZIP
# The framework (DistributionKeycloakServer) takes quarkus/dist/target/keycloak-<PINNED>.zip under the working
# directory before asking Maven. For the pinned version that path is removed (Maven's zip is used, as always);
# for another version it becomes that version's zip, with one change when that Keycloak predates
# --shutdown-delay and --shutdown-timeout (new in 26.6 or 26.7; 26.5.6 lacks them): the 26.7 test framework
# always passes both, and an older kc.sh refuses unknown options, so its kc.sh drops those two.
set -eu
dist=$1 pinned=$2 zip=$3
rm -rf quarkus target/keycloak-dist-under-test
[ "$dist" = "$pinned" ] && exit 0
if [ ! -f "$zip" ]; then
  echo "Keycloak $dist is not in the local repository: mvn dependency:get -Dartifact=org.keycloak:keycloak-quarkus-dist:$dist:zip" >&2
  exit 1
fi
mkdir -p quarkus/dist/target
if unzip -p "$zip" "keycloak-$dist/lib/lib/main/org.keycloak.keycloak-config-api-$dist.jar" | grep -aq shutdown-delay; then
  ln -s "$zip" "quarkus/dist/target/keycloak-$pinned.zip"
  exit 0
fi
work=target/keycloak-dist-under-test
mkdir -p "$work"
unzip -q "$zip" -d "$work"
kc="$work/keycloak-$dist/bin/kc.sh"
{
  head -n 1 "$kc"
  echo '# keycloak-ad-federation it-tests: drop the options this Keycloak does not know and the 26.7 test framework passes.'
  echo 'for a; do shift; case "$a" in --shutdown-delay=*|--shutdown-timeout=*) ;; *) set -- "$@" "$a" ;; esac; done'
  tail -n +2 "$kc"
} > "$kc.new"
mv "$kc.new" "$kc"
chmod +x "$kc"
(cd "$work" && zip -q -r -0 "../../quarkus/dist/target/keycloak-$pinned.zip" "keycloak-$dist")
