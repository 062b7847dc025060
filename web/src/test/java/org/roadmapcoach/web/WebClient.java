package org.roadmapcoach.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A client without a browser, keeping cookies like one and never following redirects, for the route tests. */
final class WebClient {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final TestWeb server;

    WebClient(TestWeb server) {
        this.server = server;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : server.url(path))).GET());
    }

    /** POSTs {@code fields} as a form, as a browser sends it. */
    HttpResponse<String> post(String path, Map<String, String> fields) {
        String body = encode(fields);
        return send(HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** {@code fields} as a form body. */
    static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** {@code fields} plus the CSRF token of the page {@code html}. */
    static Map<String, String> withCsrf(String html, Map<String, String> fields) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("the page has no CSRF token: " + html);
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("csrf", m.group(1).replace("&#43;", "+"));
        return all;
    }

    /** Signs in with a fresh one-time link for {@code personId}: the link's page, then its button. */
    void signInAs(String personId) {
        String link = server.signInLink(personId);
        HttpResponse<String> page = get(link);
        String secret = link.substring(link.indexOf("link=") + 5);
        HttpResponse<String> signedIn = post("/signin", withCsrf(page.body(), Map.of("link", secret)));
        if (signedIn.statusCode() != 303) {
            throw new AssertionError("sign-in failed: " + signedIn.statusCode() + " " + signedIn.body());
        }
    }

    /** Sends {@code request} with this client's cookies. */
    HttpResponse<String> send(HttpRequest request) {
        return send(HttpRequest.newBuilder(request, (name, value) -> true));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
