package org.roadmapcoach.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Renders the templates compiled at build time (jte, {@code src/main/jte}) and sends them with the
 * headers every page carries: a Content-Security-Policy that allows no inline script or style, no
 * framing, no sniffing, and no caching of what a signed-in person sees.
 */
public final class Pages {

    /** Scripts, styles and images from this app only; forms post only to it; nothing inline. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    // The precompiled templates are classes on the class path: nothing is compiled, read or written at run time.
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

    private Pages() {
    }

    /** Sends template {@code name} (such as {@code "me.jte"}) with {@code model} as its one parameter. */
    public static void render(Context ctx, String name, Object model) {
        StringOutput out = new StringOutput();
        TEMPLATES.render(name, Map.of("view", model), out);
        secure(ctx);
        ctx.html(out.toString());
    }

    /** Writes template {@code name} with {@code model} as its one parameter to {@code out}: for files. */
    public static void render(String name, Object model, java.io.Writer out) {
        render(name, model, new gg.jte.output.WriterOutput(out));
    }

    /** Writes template {@code name} with {@code model} into a template being written (a part streamed into it). */
    public static void render(String name, Object model, gg.jte.TemplateOutput out) {
        TEMPLATES.render(name, Map.of("view", model), out);
    }

    /** The security headers of every page and asset. */
    public static void secure(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Frame-Options", "DENY");
    }
}
