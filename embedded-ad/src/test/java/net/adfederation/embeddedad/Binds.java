package net.adfederation.embeddedad;

import com.unboundid.ldap.sdk.LDAPException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Bind attempts reduced to what a test asserts: "ok" or AD's sub-code ("52e", "775"). */
final class Binds {

    private static final Pattern SUB_CODE = Pattern.compile("data ([0-9a-f]+)");

    private Binds() {
    }

    static String outcome(LdapEndpoint endpoint, String name, String password) throws LDAPException {
        return endpoint.tryBind(name, password).map(Binds::subCode).orElse("ok");
    }

    static String subCode(LDAPException refusal) {
        Matcher matcher = SUB_CODE.matcher(String.valueOf(refusal.getDiagnosticMessage()));
        return matcher.find() ? matcher.group(1) : refusal.getResultCode().toString();
    }
}
