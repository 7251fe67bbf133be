package net.adfederation.directory.dc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * Socket factories whose sockets carry a read timeout from birth. UnboundID connects with the
 * connect timeout but then runs the TLS handshake of an ldaps:// connection (and reports the
 * connection made) with no read timeout: a DC that accepts TCP and never answers would keep the
 * handshake, and every thread asking the session for its certificate, waiting forever.
 */
final class TimedSockets {

    private TimedSockets() {
    }

    static SocketFactory plain(int readTimeoutMs) {
        return new Plain(SocketFactory.getDefault(), readTimeoutMs);
    }

    static SSLSocketFactory tls(SSLSocketFactory tls, int readTimeoutMs) {
        return new Tls(tls, readTimeoutMs);
    }

    private static Socket timed(Socket socket, int readTimeoutMs) throws IOException {
        socket.setSoTimeout(readTimeoutMs);
        return socket;
    }

    private static final class Plain extends SocketFactory {
        private final SocketFactory sockets;
        private final int timeout;

        Plain(SocketFactory sockets, int timeout) {
            this.sockets = sockets;
            this.timeout = timeout;
        }

        @Override
        public Socket createSocket() throws IOException {
            return timed(sockets.createSocket(), timeout);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return timed(sockets.createSocket(host, port), timeout);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return timed(sockets.createSocket(host, port, local, localPort), timeout);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return timed(sockets.createSocket(host, port), timeout);
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
            return timed(sockets.createSocket(host, port, local, localPort), timeout);
        }
    }

    private static final class Tls extends SSLSocketFactory {
        private final SSLSocketFactory sockets;
        private final int timeout;

        Tls(SSLSocketFactory sockets, int timeout) {
            this.sockets = sockets;
            this.timeout = timeout;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return sockets.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return sockets.getSupportedCipherSuites();
        }

        /** StartTLS layers TLS over the plain socket, whose read timeout the handshake then inherits. */
        @Override
        public Socket createSocket(Socket plain, String host, int port, boolean autoClose) throws IOException {
            return timed(sockets.createSocket(plain, host, port, autoClose), timeout);
        }

        @Override
        public Socket createSocket() throws IOException {
            return timed(sockets.createSocket(), timeout);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return timed(sockets.createSocket(host, port), timeout);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return timed(sockets.createSocket(host, port, local, localPort), timeout);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return timed(sockets.createSocket(host, port), timeout);
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
            return timed(sockets.createSocket(host, port, local, localPort), timeout);
        }
    }
}
