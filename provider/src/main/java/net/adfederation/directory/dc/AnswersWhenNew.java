package net.adfederation.directory.dc;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPoolHealthCheck;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import java.net.URI;

/**
 * A pool health check run on new connections: the DC must answer a rootDSE read. A DC that
 * accepts TCP but hangs then fails here, inside the failover set, which moves on to the next DC.
 * Checked-out connections are not asked anything (that would cost a round trip each), but one to a
 * DC now passed by ({@link DcBackOff}) is dropped at checkout, so that the pool's idle connections
 * to a DC that started hanging do not each cost a request a timeout; so is one to a later DC once
 * an earlier one is back in service, so that connections return to the first DC (and live as long
 * as they like while it is away). An operation a DC did not answer in time marks that DC down, so
 * the pool's retry goes to the next DC. A stale connection costs one retry, by the inherited rule
 * on exceptions.
 */
final class AnswersWhenNew extends LDAPConnectionPoolHealthCheck {

    private final DcBackOff backOff;
    private final ServiceBind service;
    private final Boolean tls;
    private final boolean returnToFirst;

    /** Checks new connections only (the bind pool: each use binds as the user; the background probe). */
    AnswersWhenNew(DcBackOff backOff) {
        this(backOff, null, null);
    }

    /**
     * Also binds each new connection as the service account, with the password resolved at that
     * moment (the vault read again, so a rotated password is picked up). Done here, not as the
     * pool's bind request (fixed when the pool is made) nor as a post-connect processor (which
     * UnboundID refuses next to StartTLS's).
     */
    AnswersWhenNew(DcBackOff backOff, ServiceBind service, Boolean tls) {
        this(backOff, service, tls, true);
    }

    private AnswersWhenNew(DcBackOff backOff, ServiceBind service, Boolean tls, boolean returnToFirst) {
        this.backOff = backOff;
        this.service = service;
        this.tls = tls;
        this.returnToFirst = returnToFirst;
    }

    /** As the read pool's check, for a pool of one DC: its connections are kept when an earlier DC is in service. */
    AnswersWhenNew onOneDc() {
        return new AnswersWhenNew(backOff, service, tls, false);
    }

    @Override
    public void ensureNewConnectionValid(LDAPConnection connection) throws LDAPException {
        if (service != null) service.bind(connection, tls);
        connection.getEntry("", "dnsHostName");
    }

    /**
     * The pool's idle-connection check: run in the background when a DC is found down or back
     * (see {@link DirectoryPools}), so that idle connections to a DC passed by, or to a later DC once
     * an earlier one is back, are replaced there, not at a request's checkout.
     */
    @Override
    public void ensureConnectionValidForContinuedUse(LDAPConnection connection) throws LDAPException {
        ensureConnectionValidForCheckout(connection);
    }

    @Override
    public void ensureConnectionValidForCheckout(LDAPConnection connection) throws LDAPException {
        URI dc = dcOf(connection);
        if (dc != null && backOff.passedBy(dc)) {
            throw new LDAPException(ResultCode.SERVER_DOWN, dc + " is passed by: it did not answer in time, or DNS no longer names it");
        }
        if (returnToFirst && dc != null && backOff.outranked(dc)) {
            throw new LDAPException(ResultCode.SERVER_DOWN, "a DC before " + dc + " is back in service");
        }
    }

    @Override
    public void ensureConnectionValidAfterException(LDAPConnection connection, LDAPException exception)
            throws LDAPException {
        if (exception.getResultCode() == ResultCode.TIMEOUT || interrupted(exception)) {
            URI dc = dcOf(connection);
            if (dc != null) backOff.down(dc);
            throw exception;
        }
        super.ensureConnectionValidAfterException(connection, exception);
    }

    /**
     * Keycloak bounds each user-storage call (3 s) and interrupts the request thread past it: a DC
     * that kept a request waiting that long did not answer in time either.
     */
    private static boolean interrupted(LDAPException exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException) return true;
        }
        String message = exception.getMessage();
        return message != null && message.contains("was interrupted while waiting for a response");
    }

    private static URI dcOf(LDAPConnection connection) {
        String name = connection.getConnectionName();
        return name == null ? null : URI.create(name);
    }
}
