package net.adfederation.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the demo asks of Keycloak's admin REST API as the bootstrap admin: the trust realm's first
 * full sync, so its AD users and groups are in the admin console at once instead of after
 * Keycloak's first periodic sync. The same request as the console's "Sync all users" button.
 */
final class DemoAdminApi {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern COMPONENT_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([^\"]*)\"");

    private final String keycloakUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    DemoAdminApi(String keycloakUrl) {
        this.keycloakUrl = keycloakUrl;
    }

    /** Runs a full sync of the realm's (one) user storage provider; returns Keycloak's summary of it. */
    String fullSync(String realm) throws IOException, InterruptedException {
        String token = first(ACCESS_TOKEN, send(HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password="
                        + URLEncoder.encode(System.getenv().getOrDefault("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"), StandardCharsets.UTF_8)))
                .build()), "an admin token");
        String admin = keycloakUrl + "/admin/realms/" + realm;
        String component = first(COMPONENT_ID, send(authorized(admin + "/components?type=org.keycloak.storage.UserStorageProvider", token)
                .GET().build()), "the realm's user storage provider");
        String result = send(authorized(admin + "/user-storage/" + component + "/sync?action=triggerFullSync", token)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        return first(STATUS, result, "the sync result");
    }

    private static HttpRequest.Builder authorized(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String first(Pattern pattern, String body, String what) throws IOException {
        Matcher m = pattern.matcher(body);
        if (!m.find()) throw new IOException("Keycloak's answer holds no " + what + ": " + body);
        return m.group(1);
    }
}
