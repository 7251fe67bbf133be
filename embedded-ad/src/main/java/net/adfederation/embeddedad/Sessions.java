package net.adfederation.embeddedad;

import com.unboundid.ldap.listener.LDAPListenerClientConnection;
import com.unboundid.ldap.listener.LDAPListenerExceptionHandler;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedResult;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is bound on each client connection and whether it is encrypted (LDAPS, or upgraded by
 * StartTLS), the two facts AD's access rules depend on. Entries are dropped when the listener
 * reports the connection closed.
 */
final class Sessions implements LDAPListenerExceptionHandler {

    /** One connection's state; a failed or anonymous bind leaves {@code identity} null. */
    static final class Session {
        private volatile DN identity;
        private volatile boolean admin;
        private volatile boolean encrypted;

        DN identity() {
            return identity;
        }

        boolean isAnonymous() {
            return identity == null;
        }

        boolean isAdmin() {
            return admin;
        }

        boolean isEncrypted() {
            return encrypted;
        }

        void boundAs(DN dn, boolean isAdmin) {
            identity = dn;
            admin = isAdmin;
        }

        void anonymous() {
            boundAs(null, false);
        }

        void encrypted() {
            encrypted = true;
        }
    }

    /** Each listener numbers its connections from 0, so a connection is known by port and id. */
    private record ConnectionKey(int port, long connectionId) {
    }

    private final Map<ConnectionKey, Session> byConnection = new ConcurrentHashMap<>();
    private final Set<Integer> encryptedPorts = ConcurrentHashMap.newKeySet();

    /** Connections accepted on this port are TLS from the first byte (the LDAPS listener). */
    void encryptedPort(int port) {
        encryptedPorts.add(port);
    }

    Session of(InMemoryInterceptedRequest request) {
        Session session = of(request.getConnectionID(), request.getConnectedPort());
        if (!session.isEncrypted() && StartTlsDetector.isUpgraded(request)) session.encrypted();
        return session;
    }

    Session of(InMemoryInterceptedResult result) {
        return of(result.getConnectionID(), result.getConnectedPort());
    }

    private Session of(long connectionId, int connectedPort) {
        return byConnection.computeIfAbsent(new ConnectionKey(connectedPort, connectionId), key -> {
            Session session = new Session();
            if (encryptedPorts.contains(connectedPort)) session.encrypted();
            return session;
        });
    }

    @Override
    public void connectionCreationFailure(Socket socket, Throwable cause) {
        // Nothing was recorded for a connection that never came up.
    }

    @Override
    public void connectionTerminated(LDAPListenerClientConnection connection, LDAPException cause) {
        Socket socket = connection.getSocket();
        if (socket != null) byConnection.remove(new ConnectionKey(socket.getLocalPort(), connection.getConnectionID()));
    }
}
