#!/usr/bin/env bash
# Desktop SSO (Kerberos/SPNEGO) on the Samba forests, idempotent: Keycloak's service account in CORP
# with the SPN of Keycloak's host name, AES only, and its keytab; a second service (another SPN) whose
# tickets Keycloak must refuse. Keycloak's host name resolves to 127.0.0.1 (Kerberos needs names).
#   KC_HOST     keycloak.corp.example.test  the name browsers use for Keycloak (its SPN: HTTP/KC_HOST)
#   KEYTAB      /tmp/ad-dc/kc-http.keytab    where the keytab goes (the tests read it from there)
# Needs CORP up (ad-dc.sh up or up-trust) and root (samba-tool on the DC's database, /etc/hosts).
set -euo pipefail
BASE=${BASE:-/tmp/ad-dc}
KC_HOST=${KC_HOST:-keycloak.corp.example.test}
OTHER_HOST=${OTHER_HOST:-other.corp.example.test}
KEYTAB=${KEYTAB:-$BASE/kc-http.keytab}
REALM=CORP.EXAMPLE.TEST
CONF=$BASE/corp/etc/smb.conf
ADMIN=(-H ldap://127.0.0.2 -x -D Administrator@corp.example.test -w 'Passw0rd!Admin')

for name in "$KC_HOST" "$OTHER_HOST"; do
  grep -qE "^127\.0\.0\.1[[:space:]]+$name\$" /etc/hosts || echo "127.0.0.1 $name" >> /etc/hosts
done

# service ACCOUNT HOST: the account (created if missing) holds HTTP/HOST and has AES keys only
# (msDS-SupportedEncryptionTypes 24: without it Samba issues RC4 service tickets, which Java 17 refuses).
service() {
  local account=$1 host=$2 password=$3 fresh=0
  if ! samba-tool user show "$account" -s "$CONF" >/dev/null 2>&1; then
    samba-tool user create "$account" "$password" -s "$CONF" >/dev/null
    fresh=1
  fi
  samba-tool spn list "$account" -s "$CONF" 2>/dev/null | grep -qi "HTTP/$host\$" \
    || samba-tool spn add "HTTP/$host" "$account" -s "$CONF" >/dev/null
  local dn
  dn=$(ldapsearch -LLL "${ADMIN[@]}" -b DC=corp,DC=example,DC=test "(sAMAccountName=$account)" dn | sed -n 's/^dn: //p')
  if ! ldapsearch -LLL "${ADMIN[@]}" -b "$dn" -s base msDS-SupportedEncryptionTypes | grep -q '^msDS-SupportedEncryptionTypes: 24$'; then
    printf 'dn: %s\nchangetype: modify\nreplace: msDS-SupportedEncryptionTypes\nmsDS-SupportedEncryptionTypes: 24\n' "$dn" \
      | ldapmodify "${ADMIN[@]}" >/dev/null
    fresh=1
  fi
  echo "$fresh"
}

fresh=$(service kc-http "$KC_HOST" 'Passw0rd!KcHttp1')
service kc-other "$OTHER_HOST" 'Passw0rd!KcOther1' >/dev/null

# A new password after the encryption types are set, then the keytab of that password. Skipped when the
# keytab holds the account's current key version (re-exporting would change the key Keycloak is using).
principal="HTTP/$KC_HOST@$REALM"
kvno_now=$(ldapsearch -LLL "${ADMIN[@]}" -b DC=corp,DC=example,DC=test '(sAMAccountName=kc-http)' msDS-KeyVersionNumber \
  | sed -n 's/^msDS-KeyVersionNumber: //p')
kvno_file=$(klist -k "$KEYTAB" 2>/dev/null | awk -v p="$principal" '$2==p {print $1}' | sort -n | tail -1 || true)
if [ "$fresh" = 1 ] || [ "$kvno_file" != "$kvno_now" ]; then
  samba-tool user setpassword kc-http --newpassword="Passw0rd!KcHttp$(date +%s)" -s "$CONF" >/dev/null
  rm -f "$KEYTAB"
  samba-tool domain exportkeytab "$KEYTAB" --principal="$principal" -s "$CONF" >/dev/null 2>&1
  chmod 644 "$KEYTAB"
fi
echo "Kerberos SSO: $principal in $KEYTAB ($(klist -k -e "$KEYTAB" | awk 'NR>3 {print $3}' | sort -u | tr -d '()' | paste -sd,))"
