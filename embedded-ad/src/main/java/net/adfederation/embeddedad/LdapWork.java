package net.adfederation.embeddedad;

import com.unboundid.ldap.sdk.LDAPException;

/**
 * Runs directory bookkeeping from the interceptor hooks that may not throw LDAPException (the
 * result hooks). A failure becomes an unchecked exception, which the server turns into an
 * "other" result for the client instead of swallowing it.
 */
@FunctionalInterface
interface LdapWork {

    void run() throws LDAPException;

    static void unchecked(LdapWork work) {
        try {
            work.run();
        } catch (LDAPException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
