package org.overturn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A plain HTTP client for page tests: never follows redirects (tests look at them), signs in with the login form
 * (pages take no HTTP Basic) or a given session cookie, and posts forms as a browser does, with the CSRF token.
 */
public final class WebClient {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final String authorization;
    private final String cookie;
    private final String csrfToken;

    private WebClient(String base, String authorization, String cookie, String csrfToken) {
        this.base = base;
        this.authorization = authorization;
        this.cookie = cookie;
        this.csrfToken = csrfToken;
    }

    public static WebClient anonymous(int port) {
        return new WebClient("http://localhost:" + port, null, null, null);
    }

    /** Signed in as a demo user the way a browser signs in: the login form, then the session cookie. */
    public WebClient as(String user) {
        var login = get("/login");
        var signedIn = withCookie(sessionCookie(login)).post("/login", Map.of("username", user, "password", "demo",
                "_csrf", token(login.body(), "name=\"_csrf\" value=\"([^\"]+)\"")));
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException(user + " could not sign in: " + signedIn.statusCode());
        }
        String session = sessionCookie(signedIn);
        // signing in replaces the session's CSRF token: read the new one from a page
        String csrf = token(withCookie(session).get("/login").body(), "name=\"_csrf\" value=\"([^\"]+)\"");
        return new WebClient(base, null, session, csrf);
    }

    /** HTTP Basic credentials on every request, as an API client (or a browser that cached them) sends them. */
    public WebClient withBasic(String user) {
        String token = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        return new WebClient(base, "Basic " + token, null, null);
    }

    public WebClient withCookie(String sessionCookie) {
        return new WebClient(base, null, sessionCookie, null);
    }

    /** The session cookie ({@code JSESSIONID=...}) this client sends, null without one. */
    public String cookie() {
        return cookie;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> getBytes(String path) {
        return send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts a form, with the session's CSRF token unless the form has one; a key may repeat by giving a list value. */
    public HttpResponse<String> post(String path, Map<String, ?> form) {
        return post(path, form, HttpResponse.BodyHandlers.ofString());
    }

    /** As {@link #post(String, Map)}, for an answer that is not text (a PDF). */
    public HttpResponse<byte[]> postForBytes(String path, Map<String, ?> form) {
        return post(path, form, HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> HttpResponse<T> post(String path, Map<String, ?> form, HttpResponse.BodyHandler<T> handler) {
        if (csrfToken != null && !form.containsKey("_csrf")) {
            var withToken = new java.util.LinkedHashMap<String, Object>(form);
            withToken.put("_csrf", csrfToken);
            form = withToken;
        }
        String body = form.entrySet().stream().flatMap(e -> (e.getValue() instanceof List<?> list ? list : List.of(e.getValue()))
                        .stream().map(v -> encode(e.getKey()) + "=" + encode(String.valueOf(v))))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), handler);
    }

    private HttpRequest.Builder request(String path) {
        // as a browser asks: Spring Security sends browsers to the sign-in page rather than answering 401
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        return builder;
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no session cookie from " + response.uri()));
    }

    private static String token(String html, String pattern) {
        var m = java.util.regex.Pattern.compile(pattern).matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token in the page");
        }
        return m.group(1);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
