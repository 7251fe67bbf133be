package net.adfederation.account;

import java.io.File;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import javax.security.auth.Subject;
import javax.security.auth.login.LoginException;

import org.keycloak.federation.kerberos.CommonKerberosConfig;
import org.keycloak.federation.kerberos.impl.KerberosServerSubjectAuthenticator;

/**
 * Keycloak's acceptor login (the service principal's keys from the keytab, no KDC asked) done once
 * per principal and keytab file and kept, where Keycloak's own providers log in and out around every
 * ticket. The subject holds this server's own keys only, nothing of a user or of the directory; a
 * keytab written anew (another size or modification time) logs in again at the next ticket, and a
 * failed login is not kept. One subject serves concurrent tickets, as a servlet container's SPNEGO
 * login service does: accepting a context only reads its keys.
 */
final class KeptServerSubject extends KerberosServerSubjectAuthenticator {

    private record Key(String principal, String keyTab, long modified, long size) {
        boolean sameFile(Key other) {
            return principal.equals(other.principal) && keyTab.equals(other.keyTab);
        }
    }

    private static final ConcurrentMap<Key, Subject> KEPT = new ConcurrentHashMap<>();

    private final Key key;

    KeptServerSubject(CommonKerberosConfig config) {
        super(config);
        File keyTab = new File(config.getKeyTab());
        this.key = new Key(config.getServerPrincipal(), keyTab.getAbsolutePath(), keyTab.lastModified(), keyTab.length());
    }

    @Override
    public Subject authenticateServerSubject() throws LoginException {
        Subject kept = KEPT.get(key);
        if (kept != null) return kept;
        Subject fresh = super.authenticateServerSubject();
        // The subject of a keytab replaced since is left to the garbage collector, never logged out under a ticket in flight.
        KEPT.keySet().removeIf(key::sameFile);
        KEPT.put(key, fresh);
        return fresh;
    }

    /** Kept for the next ticket: a logout would clear the subject's keys. */
    @Override
    public void logoutServerSubject() {
        // nothing to do
    }
}
