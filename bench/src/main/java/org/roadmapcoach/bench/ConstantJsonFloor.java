package org.roadmapcoach.bench;

import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;

/**
 * Floor: a Javalin server (the product's version, default settings) whose one endpoint returns a
 * constant small JSON, for wrk to load. Usage: {@code ConstantJsonFloor PORT}; runs until killed.
 */
public final class ConstantJsonFloor {

    private static final byte[] BODY = "{\"status\":\"ok\",\"floor\":\"constant\"}".getBytes(StandardCharsets.UTF_8);

    private ConstantJsonFloor() {
    }

    public static void main(String[] args) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/constant", ctx -> ctx.contentType("application/json").result(BODY));
        }).start("127.0.0.1", Integer.parseInt(args[0]));
        System.out.println("floor constant-json: listening on port " + app.port());
    }
}
