package net.adfederation.embeddedad;

import com.unboundid.ldap.sdk.LDAPException;

/**
 * An LDAP step of {@link DirectoryAdmin} whose failure becomes a {@link DirectoryAdminException}
 * carrying AD's diagnostic, so tests read "data 52e" or "0000052D" instead of handling checked exceptions.
 */
@FunctionalInterface
interface LdapCall<T> {

    T run() throws LDAPException;

    static <T> T call(LdapCall<T> step) {
        try {
            return step.run();
        } catch (LDAPException e) {
            throw new DirectoryAdminException(e);
        }
    }
}
