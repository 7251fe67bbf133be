package net.adfederation.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The demo's "Demo application" (client demo-app) at http://localhost:8089, so the portal's tile
 * leads somewhere: it signs the user in with the authorization-code flow and PKCE and shows the
 * claims of the ID and access tokens Keycloak issued (the AD identity and groups among them).
 * A page for people to look at, not a relying party to copy: it decodes the tokens without
 * verifying them. The verifying relying party is it-tests' net.adfederation.it.rp. With both
 * realms running, its home page asks which one to sign in to ({@code /?realm=corp-trust} goes straight there).
 */
final class DemoApp {

    private static final Pattern TOKEN = Pattern.compile("\"(id_token|access_token)\"\\s*:\\s*\"([^\"]+)\"");

    /** A sign-in under way: the realm it goes to and its PKCE verifier, kept by its state. */
    private record Pending(String realm, String verifier) {
    }

    private final String keycloakUrl;
    private final int port;
    private final String self;
    /** The realms it signs in to, in the order shown, with a label for each. */
    private final Map<String, String> realms;
    private final HttpClient http = HttpClient.newHttpClient();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private HttpServer server;

    DemoApp(String keycloakUrl, int port, Map<String, String> realms) {
        this.keycloakUrl = keycloakUrl;
        this.port = port;
        this.self = "http://localhost:" + port;
        this.realms = Collections.unmodifiableMap(new LinkedHashMap<>(realms));
    }

    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    void stop() {
        if (server != null) server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (query.containsKey("code") && query.containsKey("state")) {
                showTokens(exchange, query);
            } else if (query.containsKey("error")) {
                respond(exchange, 400, "<p>Keycloak answered: " + escape(query.get("error")) + " "
                        + escape(query.getOrDefault("error_description", "")) + "</p><p><a href=\"/\">Sign in again</a></p>");
            } else if (realms.containsKey(query.get("realm"))) {
                startSignIn(exchange, query.get("realm"));
            } else if (realms.size() == 1) {
                startSignIn(exchange, realms.keySet().iterator().next());
            } else {
                chooseRealm(exchange);
            }
        }
    }

    /** With both modes running, the tile of either portal leads here: the user picks the realm. */
    private void chooseRealm(HttpExchange exchange) throws IOException {
        StringBuilder links = new StringBuilder("<p>Sign in through Keycloak, realm:</p><ul>");
        for (String realm : realms.keySet()) {
            links.append("<li><a href=\"/?realm=").append(encode(realm)).append("\">").append(escape(realms.get(realm)))
                    .append("</a></li>");
        }
        respond(exchange, 200, links.append("</ul>").toString());
    }

    private void startSignIn(HttpExchange exchange, String realm) throws IOException {
        String state = randomText();
        String verifier = randomText() + randomText();
        pending.put(state, new Pending(realm, verifier));
        String location = realmUrl(realm) + "/protocol/openid-connect/auth?client_id=demo-app&response_type=code&scope=openid"
                + "&redirect_uri=" + encode(self + "/") + "&state=" + state
                + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256";
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private String realmUrl(String realm) {
        return keycloakUrl + "/realms/" + realm;
    }

    private void showTokens(HttpExchange exchange, Map<String, String> query) throws IOException {
        Pending signIn = pending.remove(query.get("state"));
        if (signIn == null) {
            respond(exchange, 400, "<p>Unknown sign-in (state). <a href=\"/\">Sign in again</a></p>");
            return;
        }
        String form = "grant_type=authorization_code&client_id=demo-app&code=" + encode(query.get("code"))
                + "&redirect_uri=" + encode(self + "/") + "&code_verifier=" + encode(signIn.verifier());
        String realmUrl = realmUrl(signIn.realm());
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        String body;
        try {
            body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        Map<String, String> tokens = new HashMap<>();
        Matcher m = TOKEN.matcher(body);
        while (m.find()) tokens.put(m.group(1), m.group(2));
        if (!tokens.containsKey("id_token")) {
            respond(exchange, 502, "<p>The token request failed:</p><pre>" + escape(body) + "</pre>");
            return;
        }
        respond(exchange, 200, "<p>Signed in through Keycloak, realm " + escape(signIn.realm()) + ". These are the claims of the tokens it issued"
                + " (decoded here, not verified).</p>"
                + "<h2>ID token</h2><pre>" + escape(payload(tokens.get("id_token"))) + "</pre>"
                + "<h2>Access token</h2><pre>" + escape(payload(tokens.getOrDefault("access_token", ""))) + "</pre>"
                + "<p><a href=\"/?realm=" + encode(signIn.realm()) + "\">Sign in again</a> · <a href=\"/\">Home</a> · <a href=\""
                + realmUrl + "/account/\">Account portal</a></p>");
    }

    private static void respond(HttpExchange exchange, int status, String content) throws IOException {
        String page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Demo application</title>"
                + "<style>body{font-family:sans-serif;margin:2rem;max-width:60rem}pre{background:#f3f3f3;padding:1rem;overflow:auto}</style>"
                + "</head><body><main><h1>Demo application</h1>" + content + "</main></body></html>";
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A JWT's payload as indented JSON. */
    static String payload(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) return "";
        return indent(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    /** Indents compact JSON (Keycloak's token payloads) for reading; strings are copied as they are. */
    static String indent(String json) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < json.length()) out.append(json.charAt(++i));
                else if (c == '"') inString = false;
                continue;
            }
            switch (c) {
                case '"' -> { inString = true; out.append(c); }
                case '{', '[' -> { depth++; out.append(c).append('\n').append("  ".repeat(depth)); }
                case '}', ']' -> { depth--; out.append('\n').append("  ".repeat(depth)).append(c); }
                case ',' -> out.append(",\n").append("  ".repeat(depth));
                case ':' -> out.append(": ");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private String randomText() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) return values;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
