package net.adfederation.embeddedad;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP endpoint for connection tests: relays to a target (so the DC can be reached under
 * a host name its certificate lacks, or be cut off for an outage and restored), or, without a
 * target, accepts and never answers (a DC that hangs). Counts accepted connections. Closing it
 * drops every connection.
 */
public final class TcpRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean cutOff;

    private TcpRelay(String targetHost, int targetPort) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        Thread acceptor = new Thread(this::acceptLoop, "tcp-relay-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static TcpRelay to(String host, int port) throws IOException {
        return new TcpRelay(host, port);
    }

    public static TcpRelay silent() throws IOException {
        return new TcpRelay(null, 0);
    }

    public int port() {
        return listener.getLocalPort();
    }

    public int acceptedConnections() {
        return accepted.get();
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket client = listener.accept();
                accepted.incrementAndGet();
                if (cutOff) {
                    client.close();
                    continue;
                }
                sockets.add(client);
                if (targetHost != null) {
                    Socket server = new Socket(targetHost, targetPort);
                    sockets.add(server);
                    pump(client.getInputStream(), server.getOutputStream());
                    pump(server.getInputStream(), client.getOutputStream());
                }
            }
        } catch (IOException closed) {
            // The listener was closed: the relay is over.
        }
    }

    private void pump(InputStream from, OutputStream to) {
        Thread pump = new Thread(() -> {
            try (from; to) {
                from.transferTo(to);
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

    /** Ends the outage: new connections relay again. */
    public void restore() {
        cutOff = false;
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
}
