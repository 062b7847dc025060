package org.roadmapcoach.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.roadmapcoach.api.http.TestApi.Reply;

/**
 * What no error answer may show: a stack trace, an exception's class, SQL, or a path of the server's
 * files. An error may quote the caller's own input, so a telltale the request itself carried is not
 * held against the answer.
 */
final class ErrorBodies {

    private static final List<Pattern> TELLTALES = List.of(
            // a stack frame: at org.example.Type.method(Type.java:12)
            Pattern.compile("\\bat [\\w$]+(\\.[\\w$]+)+\\((\\w+\\.java:\\d+|Native Method|Unknown Source)\\)"),
            Pattern.compile("\\b(java|javax|jdk|sun|org|com|io)\\.[\\w.$]+(Exception|Error)\\b"),
            Pattern.compile("(?i)\\b(select\\s.*\\sfrom|insert\\s+into|update\\s+\\w+\\s+set|delete\\s+from)\\b"),
            Pattern.compile("(?i)sqlite|jdbc|no such (table|column)|constraint failed|database is locked"),
            Pattern.compile("(?i)\\.db\\b|\\.java\\b"));

    private ErrorBodies() {
    }

    /** Fails when the error {@code reply} to {@code request} reveals the server's insides or any of {@code paths}. */
    static void assertRevealsNothing(Reply reply, byte[] request, Path... paths) {
        String asked = request == null ? "" : new String(request, StandardCharsets.UTF_8);
        List<String> told = new ArrayList<>();
        for (Pattern telltale : TELLTALES) {
            var found = telltale.matcher(reply.body());
            if (found.find() && !telltale.matcher(asked).find()) {
                told.add(found.group());
            }
        }
        List<String> places = new ArrayList<>(List.of(System.getProperty("java.io.tmpdir"),
                System.getProperty("user.dir"), System.getProperty("user.home")));
        for (Path path : paths) {
            places.add(path.toAbsolutePath().toString());
        }
        for (String place : places) {
            if (place.length() > 1 && reply.body().contains(place) && !asked.contains(place)) {
                told.add(place);
            }
        }
        assertThat(told).as("what the error answer %s reveals", reply).isEmpty();
    }
}
