package net.adfederation.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The Active Directory page: static HTML, script and style, no data. Its script signs the admin in
 * at this realm through {@link ConsoleClient} (code flow with PKCE) and calls the admin REST
 * resource with the admin's bearer token, so Keycloak's admin roles decide everything shown and
 * done. English or German, from {@code ?lang=} or the browser's Accept-Language. Scripts from this
 * origin only (Content-Security-Policy), never framed.
 */
public class ConsolePage {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    private static final Map<String, String> ASSETS = Map.of(
            "console.js", "text/javascript; charset=utf-8",
            "console.css", "text/css; charset=utf-8");

    private final KeycloakSession session;

    ConsolePage(KeycloakSession session) {
        this.session = session;
    }

    @GET
    public Response page(@QueryParam("lang") String lang) {
        RealmModel realm = session.getContext().getRealm();
        boolean client = ConsoleClient.ensure(realm);
        String html = read("index.html")
                .replace("{{lang}}", language(lang))
                .replace("{{client}}", client ? ConsoleClient.CLIENT_ID : "");
        return secured(Response.ok(html, "text/html; charset=utf-8"));
    }

    /** The script and style; an empty name is the page (its address with the trailing slash). */
    @GET
    @Path("{asset:.*}")
    public Response asset(@PathParam("asset") String asset, @QueryParam("lang") String lang) {
        if (asset.isEmpty()) return page(lang);
        String type = ASSETS.get(asset);
        if (type == null) throw new NotFoundException();
        return secured(Response.ok(read(asset), type));
    }

    /** de when the admin asks for it or prefers German to English; en otherwise. */
    private String language(String asked) {
        if ("de".equals(asked) || "en".equals(asked)) return asked;
        List<Locale> accepted = session.getContext().getRequestHeaders().getAcceptableLanguages();
        for (Locale locale : accepted) {
            if ("de".equals(locale.getLanguage())) return "de";
            if ("en".equals(locale.getLanguage())) return "en";
        }
        return "en";
    }

    private static Response secured(Response.ResponseBuilder response) {
        return response.header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private static String read(String name) {
        try (InputStream in = ConsolePage.class.getResourceAsStream("/ad-federation-console/" + name)) {
            if (in == null) throw new NotFoundException(name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
