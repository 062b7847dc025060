package org.roadmapcoach.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web app is served by the same server as the API: pages and their HTML errors beside problem+json. */
class WebBesideApiTest {

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(TestApi api, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSignInPageIsServedBesideTheApi() throws Exception {
        try (TestApi api = TestApi.start(tmp)) {
            HttpResponse<String> page = get(api, "/signin");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
            assertThat(get(api, "/me").statusCode()).isEqualTo(303);
        }
    }

    @Test
    void anUnknownPageIsAnHtml404AndAnUnknownApiPathStaysProblemJson() throws Exception {
        try (TestApi api = TestApi.start(tmp)) {
            HttpResponse<String> page = get(api, "/no/such/page");
            assertThat(page.statusCode()).isEqualTo(404);
            assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(page.body()).contains("Page not found");

            HttpResponse<String> api404 = get(api, "/api/no/such/endpoint");
            assertThat(api404.statusCode()).isEqualTo(404);
            assertThat(api404.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }
    }
}
