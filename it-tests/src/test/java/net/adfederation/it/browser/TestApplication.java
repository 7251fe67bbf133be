package net.adfederation.it.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the applications behind the portal's tiles: a tiny HTTP server on a free
 * loopback port that answers every path with a page naming that path, so a test can tell
 * which application a tile launched.
 */
public final class TestApplication implements AutoCloseable {

    private final HttpServer server;

    private TestApplication(HttpServer server) {
        this.server = server;
    }

    public static TestApplication start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                byte[] page = ("<!DOCTYPE html><html lang=\"en\"><head><title>Test application</title></head>"
                        + "<body><h1>Test application at " + path.replaceAll("[^A-Za-z0-9/_-]", "") + "</h1></body></html>")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(page);
                }
            });
            server.start();
            return new TestApplication(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** http://127.0.0.1:port, a client's root URL. */
    public String rootUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
