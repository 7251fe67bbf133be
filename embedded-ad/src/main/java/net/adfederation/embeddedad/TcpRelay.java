package net.adfederation.embeddedad;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ServerSocketFactory;
import javax.net.SocketFactory;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSocketFactory;

import com.unboundid.util.ssl.PEMFileKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;

/**
 * A loopback TCP endpoint for connection tests: relays to a target (so the DC can be reached under
 * a host name its certificate lacks, or be cut off for an outage and restored), or, without a
 * target, accepts and never answers (a DC that hangs); a relay can also start hanging while in
 * use ({@link #hang()}). Counts accepted connections and the LDAP
 * requests clients send through it; to count requests that travel over LDAPS it can end the TLS
 * itself ({@link Builder#acceptTls}, with the DC's own certificate) and open its own to the DC.
 * Closing it drops every connection.
 */
public final class TcpRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final SocketFactory targetSockets;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final LdapRequestTally requests = new LdapRequestTally();
    private final List<long[]> whileHung = new CopyOnWriteArrayList<>();
    private volatile boolean cutOff;
    private volatile boolean hung;

    private TcpRelay(Builder options) throws IOException {
        this.listener = options.listenerSockets.createServerSocket(options.port, 50, options.address);
        this.targetHost = options.targetHost;
        this.targetPort = options.targetPort;
        this.targetSockets = options.targetSockets;
        Thread acceptor = new Thread(this::acceptLoop, "tcp-relay-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static TcpRelay to(String host, int port) throws IOException {
        return builder(host, port).start();
    }

    public static TcpRelay silent() throws IOException {
        return builder(null, 0).start();
    }

    /** A relay to host:port with more options; a null host makes a silent one. */
    public static Builder builder(String host, int port) {
        return new Builder(host, port);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The address it listens on (127.0.0.1 unless {@link Builder#listenOn} chose another). */
    public String host() {
        return listener.getInetAddress().getHostAddress();
    }

    public int acceptedConnections() {
        return accepted.get();
    }

    /** The LDAP requests clients sent through the relay since it started or the last reset, by kind. */
    public OperationCounts ldapRequests() {
        return requests.counts();
    }

    /** In {@link #hungActivity()}: a connection accepted while the relay hangs (then never answered). */
    public static final int NEW_CONNECTION = 0;
    /** In {@link #hungActivity()}: bytes a client sent, while the relay hangs, on a connection opened before. */
    public static final int REQUEST_ON_OPEN_CONNECTION = 1;

    /**
     * What clients did while the relay hung, in order: each a System.nanoTime() and a kind
     * ({@link #NEW_CONNECTION}, {@link #REQUEST_ON_OPEN_CONNECTION}); a client that did any of it then
     * waited for the hung DC.
     */
    public List<long[]> hungActivity() {
        return List.copyOf(whileHung);
    }

    public void resetLdapRequests() {
        requests.reset();
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket client = listener.accept();
                accepted.incrementAndGet();
                if (hung) whileHung.add(new long[] {System.nanoTime(), NEW_CONNECTION});
                if (cutOff) {
                    client.close();
                    continue;
                }
                sockets.add(client);
                if (targetHost != null && !hung) connectTarget(client);
            }
        } catch (IOException closed) {
            // The listener was closed: the relay is over.
        }
    }

    private void connectTarget(Socket client) throws IOException {
        try {
            Socket server = targetSockets.createSocket(targetHost, targetPort);
            sockets.add(server);
            pump(client.getInputStream(), server.getOutputStream(), requests.newStream());
            pump(server.getInputStream(), client.getOutputStream(), null);
        } catch (IOException targetDown) {
            client.close(); // as the DC itself would refuse
        }
    }

    private void pump(InputStream from, OutputStream to, LdapRequestTally.Stream tally) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (from; to) {
                for (int n; (n = from.read(buffer)) >= 0; ) {
                    if (hung) { // swallowed: the DC hangs
                        if (tally != null) whileHung.add(new long[] {System.nanoTime(), REQUEST_ON_OPEN_CONNECTION});
                        continue;
                    }
                    if (tally != null) tally.accept(buffer, 0, n);
                    to.write(buffer, 0, n);
                    to.flush();
                }
            } catch (IOException closed) {
                // One side closed: so does the relay.
            }
        });
        pump.setDaemon(true);
        pump.start();
    }

    /** An outage: drops every connection and closes new ones at once, until {@link #restore()}. */
    public void cutOff() throws IOException {
        cutOff = true;
        dropConnections();
    }

    /**
     * A DC that hangs: connections stay open and new ones are accepted, but nothing is answered
     * any more (what clients send is swallowed, and so is anything the target still sends), until
     * {@link #restore()}.
     */
    public void hang() {
        hung = true;
    }

    /** Ends the outage or the hang: new connections relay again. */
    public void restore() {
        cutOff = false;
        hung = false;
    }

    /** Cuts every open connection, as a DC restart or an idle timeout would; new ones still relay. */
    public void dropConnections() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        dropConnections();
    }

    /** Where a relay listens, whether it ends TLS, and how it reaches its target. */
    public static final class Builder {
        private final String targetHost;
        private final int targetPort;
        private InetAddress address = InetAddress.getLoopbackAddress();
        private int port;
        private ServerSocketFactory listenerSockets = ServerSocketFactory.getDefault();
        private SocketFactory targetSockets = SocketFactory.getDefault();

        private Builder(String host, int port) {
            this.targetHost = host;
            this.targetPort = port;
        }

        /** Another loopback address, such as the 127.0.0.2 a DC's host name resolves to. */
        public Builder listenOn(InetAddress loopbackAddress) {
            this.address = loopbackAddress;
            return this;
        }

        /** A fixed port, such as 636 where a DC found in DNS is reached (a free one when not set). */
        public Builder listenOnPort(int fixedPort) {
            this.port = fixedPort;
            return this;
        }

        /** Clients connect with TLS, answered with this certificate (chain) and key, as PEM files. */
        public Builder acceptTls(Path certificatePem, Path privateKeyPem) throws GeneralSecurityException {
            SSLServerSocketFactory tls = new SSLUtil(new PEMFileKeyManager(List.of(certificatePem.toFile()),
                    privateKeyPem.toFile()), null).createSSLServerSocketFactory();
            this.listenerSockets = tls;
            return this;
        }

        /**
         * The relay reaches its target over TLS; the target is not verified (the relay only runs
         * in tests, on loopback, in front of a DC the test chose).
         */
        public Builder connectTls() throws GeneralSecurityException {
            SSLSocketFactory tls = new SSLUtil(new TrustAllTrustManager()).createSSLSocketFactory();
            this.targetSockets = tls;
            return this;
        }

        public TcpRelay start() throws IOException {
            return new TcpRelay(this);
        }
    }
}
