package net.adfederation.directory.dc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import org.xbill.DNS.Message;
import org.xbill.DNS.io.IoClientFactory;
import org.xbill.DNS.io.TcpIoClient;
import org.xbill.DNS.io.UdpIoClient;

/**
 * dnsjava's wire, on the caller's thread: one socket per query, closed before it returns, every
 * read bounded by the query's timeout. dnsjava's own transport runs one JVM-wide selector thread
 * (and a shutdown hook) that outlives every lookup; this one leaves nothing behind.
 */
final class BlockingDnsTransport implements IoClientFactory, UdpIoClient, TcpIoClient {

    static final BlockingDnsTransport INSTANCE = new BlockingDnsTransport();

    private BlockingDnsTransport() {
    }

    @Override
    public TcpIoClient createOrGetTcpClient() {
        return this;
    }

    @Override
    public UdpIoClient createOrGetUdpClient() {
        return this;
    }

    @Override
    public CompletableFuture<byte[]> sendAndReceiveUdp(InetSocketAddress local, InetSocketAddress remote, Message query,
                                                       byte[] data, int max, Duration timeout) {
        try (DatagramSocket socket = new DatagramSocket(local == null ? new InetSocketAddress(0) : local)) {
            socket.setSoTimeout(millis(timeout));
            socket.connect(remote); // only the server's datagrams are received
            socket.send(new DatagramPacket(data, data.length));
            byte[] buffer = new byte[max];
            DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
            socket.receive(answer);
            return CompletableFuture.completedFuture(Arrays.copyOf(buffer, answer.getLength()));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<byte[]> sendAndReceiveTcp(InetSocketAddress local, InetSocketAddress remote, Message query,
                                                       byte[] data, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket socket = new Socket()) {
            if (local != null) socket.bind(local);
            socket.connect(remote, millis(timeout));
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {(byte) (data.length >>> 8), (byte) data.length});
            out.write(data);
            out.flush();
            byte[] length = read(socket, 2, deadline);
            return CompletableFuture.completedFuture(read(socket, ((length[0] & 0xFF) << 8) | (length[1] & 0xFF), deadline));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Exactly {@code n} bytes, all of them before the deadline (a server sending a byte at a time cannot stretch it). */
    private static byte[] read(Socket socket, int n, long deadline) throws IOException {
        byte[] bytes = new byte[n];
        InputStream in = socket.getInputStream();
        int done = 0;
        while (done < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new SocketTimeoutException("DNS over TCP: no complete answer in time");
            socket.setSoTimeout(Math.max(1, (int) Math.min(Integer.MAX_VALUE, left / 1_000_000)));
            int got = in.read(bytes, done, n - done);
            if (got < 0) throw new IOException("DNS over TCP: the server closed the connection mid-answer");
            done += got;
        }
        return bytes;
    }

    private static int millis(Duration timeout) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }
}
