package net.adfederation.directory;

/**
 * How the service account proves itself to a domain's DCs. In its own forest a simple bind
 * (DN, UPN or DOMAIN\name); in a trusted forest Kerberos (GSSAPI), as AD requires: a DC refuses
 * a simple bind from another forest's account. Kerberos realms and KDCs come from the standard
 * krb5 configuration ({@code java.security.krb5.conf}). The password is the one carrier of the
 * service password in the directory layer, a {@link Secret}, so neither record prints it.
 */
public sealed interface ServiceLogin {

    /** The account as an admin configured it, for messages. */
    String account();

    /** A simple bind: allowed only over TLS unless allowInsecureBind. */
    record Simple(String bindName, Secret password) implements ServiceLogin {
        @Override
        public String account() {
            return bindName;
        }
    }

    /** A GSSAPI bind with a ticket obtained for the principal (svc-keycloak@CORP.EXAMPLE.TEST). */
    record Kerberos(String principal, Secret password) implements ServiceLogin {
        @Override
        public String account() {
            return principal;
        }
    }
}
