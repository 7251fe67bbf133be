package net.adfederation.directory.dc;

import com.unboundid.ldap.sdk.BindResult;
import com.unboundid.ldap.sdk.DisconnectType;
import com.unboundid.ldap.sdk.ExtendedRequest;
import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.LDAPConnectionInfo;
import com.unboundid.ldap.sdk.LDAPConnectionLogger;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.ReadOnlyModifyRequest;
import com.unboundid.ldap.sdk.ReadOnlySearchRequest;
import com.unboundid.ldap.sdk.SASLBindRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SimpleBindRequest;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.adfederation.metrics.AdMetrics;

/**
 * Watches every connection to a DC (UnboundID's connection logger, set on the connection options):
 * times each operation from request to result by DC and operation, marks a DC up or down at each
 * connection attempt, and notes on the calling thread which DC a request went to ({@link DcTrail}).
 * Requests are logged on the calling thread, results on the connection's reader thread, so an
 * operation is matched by connection and message id.
 */
final class LdapObserver extends LDAPConnectionLogger {

    static final LdapObserver INSTANCE = new LdapObserver();

    /** Operations a DC never answered (response timeout without a disconnect) are dropped past this many. */
    private static final int MAX_PENDING = 10_000;

    private record Key(long connection, int messageId) {
    }

    private record Pending(String dc, String operation, long started) {
    }

    private final Map<Key, Pending> pending = new ConcurrentHashMap<>();

    private LdapObserver() {
    }

    @Override
    public void logConnect(LDAPConnectionInfo info, String host, InetAddress address, int port) {
        String dc = host + ":" + port;
        DcTrail.note(dc);
        AdMetrics.dcUp(dc, true);
    }

    @Override
    public void logConnectFailure(LDAPConnectionInfo info, String host, int port, LDAPException failure) {
        String dc = host + ":" + port;
        DcTrail.note(dc);
        AdMetrics.dcUp(dc, false);
    }

    /** Operations still waiting when their connection ends got no answer: timed as such. */
    @Override
    public void logDisconnect(LDAPConnectionInfo info, String host, int port, DisconnectType type, String message,
                              Throwable cause) {
        long connection = info.getConnectionID();
        pending.keySet().removeIf(key -> {
            if (key.connection() != connection) return false;
            Pending op = pending.get(key);
            if (op != null) finish(op, "no_answer");
            return true;
        });
    }

    @Override
    public void logBindRequest(LDAPConnectionInfo info, int messageId, SimpleBindRequest request) {
        start(info, messageId, "bind");
    }

    @Override
    public void logBindRequest(LDAPConnectionInfo info, int messageId, SASLBindRequest request) {
        start(info, messageId, "bind");
    }

    @Override
    public void logBindResult(LDAPConnectionInfo info, int messageId, BindResult result) {
        end(info, messageId, result);
    }

    @Override
    public void logSearchRequest(LDAPConnectionInfo info, int messageId, ReadOnlySearchRequest request) {
        start(info, messageId, "search");
    }

    @Override
    public void logSearchResult(LDAPConnectionInfo info, int messageId, SearchResult result) {
        end(info, messageId, result);
    }

    @Override
    public void logModifyRequest(LDAPConnectionInfo info, int messageId, ReadOnlyModifyRequest request) {
        start(info, messageId, "modify");
    }

    @Override
    public void logModifyResult(LDAPConnectionInfo info, int messageId, LDAPResult result) {
        end(info, messageId, result);
    }

    @Override
    public void logExtendedRequest(LDAPConnectionInfo info, int messageId, ExtendedRequest request) {
        start(info, messageId, "extended");
    }

    @Override
    public void logExtendedResult(LDAPConnectionInfo info, int messageId, ExtendedResult result) {
        end(info, messageId, result);
    }

    private void start(LDAPConnectionInfo info, int messageId, String operation) {
        String dc = info.getHostPort();
        DcTrail.note(dc);
        if (pending.size() >= MAX_PENDING) pending.clear();
        pending.put(new Key(info.getConnectionID(), messageId), new Pending(dc, operation, System.nanoTime()));
    }

    private void end(LDAPConnectionInfo info, int messageId, LDAPResult result) {
        Pending op = pending.remove(new Key(info.getConnectionID(), messageId));
        if (op != null) finish(op, result.getResultCode().getName());
    }

    private static void finish(Pending op, String result) {
        AdMetrics.ldapOperation(op.dc() == null ? "unknown" : op.dc(), op.operation(), result, System.nanoTime() - op.started());
    }
}
