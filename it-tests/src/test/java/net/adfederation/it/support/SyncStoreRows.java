package net.adfederation.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.keycloak.testframework.server.KeycloakUrls;

/** The rows of Keycloak's tables a realm's syncs have read so far (adfed_sync_store_rows_total), summed over its components. */
public final class SyncStoreRows {

    private SyncStoreRows() {
    }

    public static double of(KeycloakUrls urls, String realm) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(urls.getMetric())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IllegalStateException("metrics answered " + response.statusCode());
        Matcher m = Pattern.compile("(?m)^adfed_sync_store_rows_total\\{[^}]*realm=\"" + Pattern.quote(realm) + "\"[^}]*} (\\S+)$")
                .matcher(response.body());
        double total = 0;
        while (m.find()) total += Double.parseDouble(m.group(1));
        return total;
    }
}
