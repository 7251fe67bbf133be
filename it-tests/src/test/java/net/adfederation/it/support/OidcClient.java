package net.adfederation.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.AccessTokenResponse;
import org.keycloak.representations.IDToken;
import org.keycloak.util.JsonSerialization;
import org.keycloak.jose.jws.JWSInput;

/**
 * Signs users in through a realm's OIDC endpoints the way an application and a browser would:
 * the direct grant, and the authorization-code flow with PKCE driven over plain HTTP (a cookie
 * jar, the login form's action URL, the redirect carrying the code). One instance per browser.
 */
public final class OidcClient {

    /** Where the demo application lives: a browser sent back here has left Keycloak. */
    public static final String APPLICATION = "http://localhost:8089/";
    public static final String REDIRECT_URI = APPLICATION + "callback";

    private final String realmUrl;
    private final String clientId;
    private final LocalhostCookieJar cookies = new LocalhostCookieJar();
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public OidcClient(String keycloakUrl, String realm, String clientId) {
        this.realmUrl = keycloakUrl + "/realms/" + realm;
        this.clientId = clientId;
    }

    /** The token endpoint's answer: tokens, or the OAuth error and its description. */
    public record TokenResult(int status, AccessTokenResponse tokens, String error, String errorDescription) {
        public boolean ok() {
            return status == 200 && tokens != null && tokens.getToken() != null;
        }

        public AccessToken accessToken() {
            return decode(tokens.getToken(), AccessToken.class);
        }

        public IDToken idToken() {
            return decode(tokens.getIdToken(), IDToken.class);
        }
    }

    /** Where a browser ended up: sent back to the application (code, state), or a page with its visible text. */
    public record BrowserResult(URI redirect, Document page) {
        public String code() {
            return redirect == null ? null : queryParameter(redirect, "code");
        }

        public String text() {
            return page == null ? "" : page.body().text();
        }
    }

    /** Forgets every cookie, as a new browser would start: the next sign-in shows the login form again. */
    public void forgetCookies() {
        cookies.clear();
    }

    public TokenResult directGrant(String username, String password) {
        return token(Map.of("grant_type", "password", "client_id", clientId, "scope", "openid",
                "username", username, "password", password));
    }

    /** The direct grant of a client that passes its user's language on (Accept-Language), as Keycloak reads it for the texts. */
    public TokenResult directGrant(String username, String password, String acceptLanguage) {
        return token(Map.of("grant_type", "password", "client_id", clientId, "scope", "openid",
                "username", username, "password", password), Map.of("Accept-Language", acceptLanguage));
    }

    public TokenResult refresh(String refreshToken) {
        return token(Map.of("grant_type", "refresh_token", "client_id", clientId, "refresh_token", refreshToken));
    }

    /** The authorization-code flow with PKCE: opens the login page, submits the form, redeems the code. */
    public TokenResult authorizationCodeSignIn(String username, String password) {
        Pkce pkce = Pkce.create();
        BrowserResult result = submitLogin(openLoginPage(pkce, Map.of()), username, password);
        if (result.code() == null) {
            return new TokenResult(0, null, "no_code", result.text());
        }
        return token(Map.of("grant_type", "authorization_code", "client_id", clientId, "code", result.code(),
                "redirect_uri", REDIRECT_URI, "code_verifier", pkce.verifier()));
    }

    /** Opens the realm's login page for this client (extra parameters such as kc_action go on the URL). */
    public Document openLoginPage(Pkce pkce, Map<String, String> extra) {
        return followToPage(get(authorizationUrl(pkce, extra)));
    }

    /**
     * The authorization request as a browser holding a Kerberos ticket makes it: Keycloak answers
     * {@code 401 Negotiate} (with the form), the browser sends the same request again with
     * {@code Authorization: Negotiate <token>}. Signed in when Keycloak redirects with the code (not
     * redeemed here). Without the 401 challenge the answer is returned as it came.
     */
    public BrowserResult kerberosSignIn(java.util.function.Supplier<String> spnegoToken) {
        String url = authorizationUrl(Pkce.create(), Map.of());
        HttpResponse<String> challenge = get(url);
        if (challenge.statusCode() != 401 || !challenge.headers().allValues("WWW-Authenticate").contains("Negotiate")) {
            return follow(challenge);
        }
        return follow(send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Negotiate " + spnegoToken.get())
                .GET().build()));
    }

    private String authorizationUrl(Pkce pkce, Map<String, String> extra) {
        Map<String, String> query = new LinkedHashMap<>(Map.of("client_id", clientId, "response_type", "code",
                "scope", "openid", "redirect_uri", REDIRECT_URI, "state", "s" + System.nanoTime(),
                "code_challenge", pkce.challenge(), "code_challenge_method", "S256"));
        query.putAll(extra);
        return realmUrl + "/protocol/openid-connect/auth?" + form(query);
    }

    /** Opens a URL an application built (an authorization or end-session request) and follows its redirects. */
    public BrowserResult open(URI url) {
        return follow(get(url.toString()));
    }

    /** Fills and submits the username/password form on a login page. */
    public BrowserResult submitLogin(Document loginPage, String username, String password) {
        return submitForm(loginPage, "kc-form-login", Map.of("username", username, "password", password));
    }

    /** Submits the form with the given id on a page, with the given fields (hidden inputs kept). */
    public BrowserResult submitForm(Document page, String formId, Map<String, String> fields) {
        Element form = page.getElementById(formId);
        if (form == null) {
            throw new AssertionError("no form #" + formId + " on page: " + page.body().text());
        }
        return submit(form, fields);
    }

    /** Submits a form (found by the caller) with the given fields, its hidden inputs kept. */
    public BrowserResult submit(Element form, Map<String, String> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            values.put(input.attr("name"), input.attr("value"));
        }
        values.putAll(fields);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(form.absUrl("action")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(values))).build());
        return follow(response);
    }

    /** Follows a link on a page (for example "Forgot Password?") and returns the page it leads to. */
    public Document openLink(Document page, String cssSelector) {
        Element link = page.selectFirst(cssSelector);
        if (link == null) {
            throw new AssertionError("no link " + cssSelector + " on page: " + page.body().text());
        }
        return followToPage(get(link.absUrl("href")));
    }

    private BrowserResult follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 10; hops++) {
            if (current.statusCode() / 100 != 3) {
                Document page = Jsoup.parse(current.body(), current.uri().toString());
                Element onward = current.statusCode() == 401 && page.getElementById("kc-form-login") == null
                        && current.headers().allValues("WWW-Authenticate").contains("Negotiate") ? page.selectFirst("form") : null;
                // Keycloak's Kerberos step asked for a ticket this browser has none for: its page's script posts
                // the form at once to go on to the sign-in form, as this does.
                if (onward != null) return submit(onward, Map.of());
                return new BrowserResult(null, page);
            }
            String location = current.headers().firstValue("Location").orElseThrow();
            URI next = current.uri().resolve(location);
            if (next.toString().startsWith(APPLICATION)) {
                return new BrowserResult(next, null);
            }
            current = get(next.toString());
        }
        throw new AssertionError("too many redirects");
    }

    private Document followToPage(HttpResponse<String> response) {
        BrowserResult result = follow(response);
        if (result.page() == null) {
            throw new AssertionError("expected a page, got a redirect to the application");
        }
        return result.page();
    }

    private TokenResult token(Map<String, String> params) {
        return token(params, Map.of());
    }

    private TokenResult token(Map<String, String> params, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded");
        headers.forEach(request::header);
        HttpResponse<String> response = send(request.POST(HttpRequest.BodyPublishers.ofString(form(params))).build());
        try {
            if (response.statusCode() == 200) {
                return new TokenResult(200, JsonSerialization.readValue(response.body(), AccessTokenResponse.class), null, null);
            }
            Map<?, ?> error = JsonSerialization.readValue(response.body(), Map.class);
            return new TokenResult(response.statusCode(), null, (String) error.get("error"), (String) error.get("error_description"));
        } catch (IOException e) {
            throw new AssertionError("unreadable token response " + response.statusCode() + ": " + response.body(), e);
        }
    }

    private HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("HTTP request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String queryParameter(URI uri, String name) {
        if (uri.getRawQuery() == null) return null;
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    static <T> T decode(String jwt, Class<T> type) {
        try {
            return new JWSInput(jwt).readJsonContent(type);
        } catch (Exception e) {
            throw new AssertionError("not a JWT: " + jwt, e);
        }
    }

    /** A PKCE verifier and its S256 challenge. */
    public record Pkce(String verifier, String challenge) {
        public static Pkce create() {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
