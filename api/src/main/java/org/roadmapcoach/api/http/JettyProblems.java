package org.roadmapcoach.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.roadmapcoach.app.Json;

/**
 * Jetty's own errors, the ones it answers before any route runs (a header too large, a broken request
 * line or header, a bad percent-escape, an unsupported HTTP version), as problem+json like every other
 * error of the API (API.md), instead of Jetty's HTML page. A fixed sentence per status: Jetty's reason
 * may quote the request. Under a browser route (WEB.md) a request-level error keeps Jetty's HTML page;
 * an error found while parsing, before the path is known, is always a problem.
 */
final class JettyProblems extends ErrorHandler {

    /** The paths whose errors are problems (API.md); others are the browser's. */
    private static final String[] PROBLEM_PATHS = {"/api", "/health", "/openapi.json", "/calendar", "/unsubscribe"};
    /** The path Jetty gives a request it could not parse: its real path is not known. */
    private static final String BAD_MESSAGE = "/badMessage";

    JettyProblems() {
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        return ByteBuffer.wrap(body(status));
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws java.io.IOException {
        if (!problemPath(request.getHttpURI().getPath())) {
            super.generateResponse(request, response, code, message, cause, callback);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    private static boolean problemPath(String path) {
        if (path == null || path.equals(BAD_MESSAGE)) {
            return true;
        }
        for (String prefix : PROBLEM_PATHS) {
            if (path.equals(prefix) || path.startsWith(prefix + "/") || path.startsWith(prefix + ".")
                    || path.startsWith(prefix + "?")) {
                return true;
            }
        }
        return !path.startsWith("/");
    }

    static Problem problem(int status) {
        String title = HttpStatus.getMessage(status);
        String detail = switch (status) {
            case 400 -> "The request is not well-formed HTTP: check the request line, the headers and any"
                    + " percent-escapes of the path (such as %2F).";
            case 413 -> "The request body is larger than this server accepts.";
            case 414 -> "The request URI is longer than this server accepts.";
            case 431 -> "The request headers are larger than this server accepts (8 KiB in all).";
            case 505 -> "This server speaks HTTP/1.0 and HTTP/1.1.";
            default -> title + ".";
        };
        return new Problem("about:blank", title, status, detail, Map.of());
    }

    private static byte[] body(int status) {
        try {
            return Json.mapper().writeValueAsBytes(problem(status));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
