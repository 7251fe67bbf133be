package net.adfederation.directory.dc;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connection attempt at one DC, bounded as a whole: TCP connect, TLS handshake, host-name
 * check, StartTLS and the new connection's health check together get connectTimeoutMs +
 * readTimeoutMs. Each step has its own timeout too, but they add up, and a DC that answers slowly
 * at every step must not hold a request longer. The attempt runs on a worker thread; one that
 * outlives its deadline is abandoned, and its connection closed if it ever comes.
 */
final class DcAttempt {

    /** The attempts' threads; each ends on its own steps' timeouts, so they do not pile up. */
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(daemons("adfederation-dc-connect"));
    /** Times the background probes of DCs passed by (see {@link DcBackOff}). */
    static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(daemons("adfederation-dc-probe"));

    interface Connect {
        LDAPConnection connect() throws LDAPException;
    }

    private DcAttempt() {
    }

    static LDAPConnection within(long deadlineMs, URI url, Connect connect) throws LDAPException {
        CompletableFuture<LDAPConnection> attempt = new CompletableFuture<>();
        WORKERS.execute(() -> {
            try {
                LDAPConnection connection = connect.connect();
                if (!attempt.complete(connection)) connection.close(); // abandoned: too late
            } catch (Throwable e) {
                attempt.completeExceptionally(e);
            }
        });
        try {
            return attempt.get(deadlineMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            String why = url + " did not answer within " + deadlineMs + " ms (connectTimeoutMs + readTimeoutMs)";
            // Fails only when the attempt finished in the meantime: then its outcome stands.
            attempt.completeExceptionally(new SocketTimeoutException(why));
            return outcome(url, attempt);
        } catch (ExecutionException e) {
            return outcome(url, attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            attempt.completeExceptionally(e);
            throw new LDAPException(ResultCode.CONNECT_ERROR, "interrupted while connecting to " + url, e);
        }
    }

    /** The connection of a finished attempt, or its failure as an LDAPException. */
    private static LDAPConnection outcome(URI url, CompletableFuture<LDAPConnection> done) throws LDAPException {
        try {
            return done.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LDAPException ldap) throw ldap;
            throw new LDAPException(ResultCode.CONNECT_ERROR,
                    cause instanceof SocketTimeoutException ? cause.getMessage() : url + ": " + cause, cause);
        }
    }

    /** Runs work off the request path (a DC's background probe). */
    static void background(Runnable work) {
        WORKERS.execute(work);
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
