package net.adfederation.it.support;

import java.net.CookieHandler;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A browser's cookie jar for one host, http://localhost. Keycloak's login cookies are marked
 * Secure and carry Version=1; a browser still sends them to localhost over plain HTTP (a secure
 * context) as name=value pairs, which java.net.CookieManager does not do.
 */
final class LocalhostCookieJar extends CookieHandler {

    private record Cookie(String name, String value, String path) {
    }

    private final Map<String, Cookie> cookies = new ConcurrentHashMap<>();

    void clear() {
        cookies.clear();
    }

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        String header = cookies.values().stream()
                .filter(c -> path.startsWith(c.path()))
                .map(c -> c.name() + "=" + c.value())
                .collect(Collectors.joining("; "));
        return header.isEmpty() ? Map.of() : Map.of("Cookie", List.of(header));
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) {
        responseHeaders.forEach((name, values) -> {
            if (name != null && name.equalsIgnoreCase("Set-Cookie")) values.forEach(this::store);
        });
    }

    private void store(String setCookie) {
        String[] parts = setCookie.split(";");
        int eq = parts[0].indexOf('=');
        if (eq <= 0) return;
        String name = parts[0].substring(0, eq).trim();
        String value = parts[0].substring(eq + 1).trim();
        String path = "/";
        boolean expired = value.isEmpty();
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].trim().toLowerCase(Locale.ROOT);
            if (attribute.startsWith("path=")) path = parts[i].trim().substring(5);
            if (attribute.equals("max-age=0") || attribute.startsWith("expires=thu, 01 jan 1970")) expired = true;
        }
        String key = name + "@" + path;
        if (expired) cookies.remove(key); else cookies.put(key, new Cookie(name, value, path));
    }
}
