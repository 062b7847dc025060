package org.roadmapcoach.api.http;

import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Replies written by hand rather than through {@link Context#result}. */
public final class Replies {

    private Replies() {
    }

    /**
     * Sends {@code json}, bytes of JSON already and a few kilobytes at most, straight to the servlet
     * response with its length. Nearly every request a server gets is answered so (a pairing's
     * suggestions). Javalin's own way copies a result stream through a decision on compressing it,
     * which took a fifth of the CPU of a constant small reply in a profile; a reply this small is not
     * worth compressing.
     */
    public static void smallJson(Context ctx, byte[] json) {
        ctx.res().setContentType(ContentType.JSON);
        ctx.res().setContentLength(json.length);
        try {
            ctx.res().getOutputStream().write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send the reply", e); // the client has gone
        }
    }
}
