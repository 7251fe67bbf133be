package net.adfederation.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The admin REST resource of both modes ({@code /admin/realms/{realm}/ad-federation/{component}/...})
 * called as the admin console would, with an admin's bearer token.
 */
public final class TrustAdminApi {

    /** An answer: its status and its JSON body (null when none or not JSON). */
    public record Answer(int status, JsonNode body, String text) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    public TrustAdminApi(String keycloakUrl, String realm, String componentId) {
        this.base = keycloakUrl + "/admin/realms/" + realm + "/ad-federation/" + componentId;
    }

    public Answer pendingRemovals(String token) {
        return send(HttpRequest.newBuilder(URI.create(base + "/pending-removals")).GET(), token);
    }

    public Answer approve(String token, String batch) {
        return send(HttpRequest.newBuilder(URI.create(base + "/pending-removals/" + batch + "/approve"))
                .POST(HttpRequest.BodyPublishers.noBody()), token);
    }

    public Answer dryRun(String token) {
        return send(HttpRequest.newBuilder(URI.create(base + "/dry-run")).POST(HttpRequest.BodyPublishers.noBody()), token);
    }

    /** Each DC's state and the last sync per domain (both modes). */
    public Answer status(String token) {
        return send(HttpRequest.newBuilder(URI.create(base + "/status")).GET(), token);
    }

    /** What Keycloak would do with a name, without a password (both modes). */
    public Answer testUser(String token, String name) {
        return send(HttpRequest.newBuilder(URI.create(base + "/test-user?name="
                + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))).GET(), token);
    }

    private Answer send(HttpRequest.Builder request, String token) {
        try {
            HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            try {
                body = response.body().isBlank() ? null : JSON.readTree(response.body());
            } catch (IOException notJson) {
                // an error page: the text says what
            }
            return new Answer(response.statusCode(), body, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
