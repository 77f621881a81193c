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
 * A plain HTTP client for page tests: never follows redirects (tests look at them), signs in with HTTP Basic
 * or with a session cookie, and posts forms as a browser does.
 */
public final class WebClient {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final String authorization;
    private final String cookie;

    private WebClient(String base, String authorization, String cookie) {
        this.base = base;
        this.authorization = authorization;
        this.cookie = cookie;
    }

    public static WebClient anonymous(int port) {
        return new WebClient("http://localhost:" + port, null, null);
    }

    public WebClient as(String user) {
        String token = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        return new WebClient(base, "Basic " + token, null);
    }

    public WebClient withCookie(String sessionCookie) {
        return new WebClient(base, null, sessionCookie);
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> getBytes(String path) {
        return send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts a form; a key may repeat by giving a list value. */
    public HttpResponse<String> post(String path, Map<String, ?> form) {
        String body = form.entrySet().stream().flatMap(e -> (e.getValue() instanceof List<?> list ? list : List.of(e.getValue()))
                        .stream().map(v -> encode(e.getKey()) + "=" + encode(String.valueOf(v))))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
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

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
