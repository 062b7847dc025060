package org.roadmapcoach.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.roadmapcoach.app.Json;

/**
 * What Jetty answers by itself, before any route runs (a header too large, a broken request line, a
 * bad percent-escape, a body over the limit), sent as raw bytes over a socket to the real server: a
 * problem+json like every other error of the API (API.md), never Jetty's HTML page.
 */
class JettyErrorsTest {

    @TempDir
    Path tmp;

    private TestApi api;

    @BeforeEach
    void start() {
        api = TestApi.start(tmp, new AppConfig(1024));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a header too large          | 431 | GET /api/me HTTP/1.1\\r\\nHost: x\\r\\nX-Big: {BIG}\\r\\n\\r\\n",
        "a header without a colon    | 400 | GET /api/me HTTP/1.1\\r\\nHost: x\\r\\nno colon here\\r\\n\\r\\n",
        "a bad percent-escape        | 400 | GET /api/pairings/%ZZ HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n",
        "a bad escape under health   | 400 | GET /health/%ZZ HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n",
        "an escaped NUL in the path  | 400 | GET /api/pairings/%00 HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n",
        "a broken request line       | 400 | GET /api/me HTTP/1.1 extra\\r\\nHost: x\\r\\n\\r\\n",
        "an unknown HTTP version     | 505 | GET /api/me HTTP/7.0\\r\\nHost: x\\r\\n\\r\\n",
        "no Host header              | 400 | GET /api/me HTTP/1.1\\r\\n\\r\\n",
        "a bad Content-Length        | 400 | POST /api/me HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: abc\\r\\n\\r\\n",
        "two Content-Lengths         | 400 | POST /api/me HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 1\\r\\nContent-Length: 2\\r\\n\\r\\nab",
        "a body over the limit       | 413 | POST /api/pairings/P05/checkins HTTP/1.1\\r\\nHost: x\\r\\nAuthorization: Bearer t-mentee-E05\\r\\nContent-Type: application/json\\r\\nContent-Length: 4096\\r\\n\\r\\n{BODY}",
        "a bad chunk size            | 400 | POST /api/pairings/P05/checkins HTTP/1.1\\r\\nHost: x\\r\\nAuthorization: Bearer t-mentee-E05\\r\\nContent-Type: application/json\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\nzz\\r\\n",
        "a body shorter than it says | 400 | POST /api/pairings/P05/checkins HTTP/1.1\\r\\nHost: x\\r\\nAuthorization: Bearer t-mentee-E05\\r\\nContent-Type: application/json\\r\\nContent-Length: 100\\r\\n\\r\\n{\"date\"",
    })
    void jettysOwnErrorIsAProblem(String name, int status, String request) throws IOException {
        String raw = request.replace("\\r\\n", "\r\n").replace("{BIG}", "x".repeat(20_000))
                .replace("{BODY}", "x".repeat(4096));

        String reply = exchange(raw.getBytes(StandardCharsets.ISO_8859_1));

        String head = reply.substring(0, Math.max(reply.indexOf("\r\n\r\n"), 0));
        String body = reply.substring(reply.indexOf("\r\n\r\n") + 4);
        assertThat(head).as(reply).startsWith("HTTP/1.1 " + status);
        assertThat(head.toLowerCase()).as(reply).contains("content-type: application/problem+json");
        JsonNode problem = Json.mapper().readTree(dechunk(head, body));
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(reply).doesNotContain("<html").doesNotContain("Exception").doesNotContain("jetty");
    }

    private String exchange(byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", api.app.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            try {
                in.transferTo(reply);
            } catch (IOException e) {
                // the server may reset the connection after its answer
            }
            return reply.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw e;
        }
    }

    private static String dechunk(String head, String body) {
        if (!head.toLowerCase().contains("transfer-encoding: chunked")) {
            return body;
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int end = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, end).trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(body, end + 2, end + 2 + size);
            at = end + 2 + size + 2;
        }
    }
}
