package net.adfederation.demo.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A TCP load balancer on one loopback address, as a layer-4 balancer sits in front of Keycloak
 * nodes (or of domain controllers): each new connection goes to the next backend that accepts it
 * (round robin), or to the one it is pinned to. Pinning or cutting off drops the open connections,
 * as a balancer does when it takes a node out, so clients reconnect where they are sent next.
 */
public final class TcpBalancer implements AutoCloseable {

    /** Where connections are sent: a host and port. */
    public record Backend(String host, int port) {
    }

    private static final int CONNECT_TIMEOUT_MS = 2000;

    private final ServerSocket listener;
    private final List<Backend> backends;
    private final AtomicIntegerArray connections;
    private final AtomicInteger next = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile int pinned = -1;
    private volatile boolean cutOff;

    private TcpBalancer(ServerSocket listener, List<Backend> backends) {
        this.listener = listener;
        this.backends = List.copyOf(backends);
        this.connections = new AtomicIntegerArray(backends.size());
        Thread acceptor = new Thread(this::acceptLoop, "tcp-balancer-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens on {@code address:port} (port 0: any free one) and balances over the backends in order. */
    public static TcpBalancer start(String address, int port, List<Backend> backends) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getByName(address), port), 50);
        return new TcpBalancer(listener, backends);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Sends every new connection to backend {@code index}; open connections are dropped. */
    public void pinTo(int index) {
        if (index < 0 || index >= backends.size()) throw new IllegalArgumentException("no backend " + index);
        pinned = index;
        dropOpenConnections();
    }

    /** Back to round robin over every backend that accepts a connection. */
    public void roundRobin() {
        pinned = -1;
    }

    /** Drops every connection and refuses new ones: the backends have become unreachable. */
    public void cutOff() {
        cutOff = true;
        dropOpenConnections();
    }

    /** Connections sent to backend {@code index} so far. */
    public int connectionsTo(int index) {
        return connections.get(index);
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        dropOpenConnections();
    }

    private void dropOpenConnections() {
        open.forEach(TcpBalancer::closeQuietly);
        open.clear();
        // Give clients a moment to notice, so an idle pooled connection is not reused just after.
        sleep(200);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (cutOff) {
                    client.close();
                    continue;
                }
                Thread relay = new Thread(() -> relay(client), "tcp-balancer-connection");
                relay.setDaemon(true);
                relay.start();
            } catch (IOException e) {
                if (listener.isClosed()) return;
            }
        }
    }

    private void relay(Socket client) {
        Socket backend = connectToBackend();
        if (backend == null) {
            closeQuietly(client);
            return;
        }
        open.add(client);
        open.add(backend);
        Thread back = new Thread(() -> pump(backend, client), "tcp-balancer-pump");
        back.setDaemon(true);
        back.start();
        pump(client, backend);
    }

    /** The pinned backend, or the next one in turn that accepts the connection; null when none does. */
    private Socket connectToBackend() {
        int pin = pinned;
        int first = pin >= 0 ? pin : Math.floorMod(next.getAndIncrement(), backends.size());
        int tries = pin >= 0 ? 1 : backends.size();
        for (int i = 0; i < tries; i++) {
            int index = (first + i) % backends.size();
            Backend target = backends.get(index);
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(target.host(), target.port()), CONNECT_TIMEOUT_MS);
                connections.incrementAndGet(index);
                return socket;
            } catch (IOException down) {
                closeQuietly(socket);
            }
        }
        return null;
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException closed) {
            // one side went away: close both below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
