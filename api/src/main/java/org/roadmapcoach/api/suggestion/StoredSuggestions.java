package org.roadmapcoach.api.suggestion;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.StringJoiner;
import org.roadmapcoach.api.Json;
import org.roadmapcoach.api.healthcheck.HealthCheckJson.FindingJson;
import org.roadmapcoach.engine.evaluation.Suggestions;
import org.roadmapcoach.engine.finding.Finding;

/**
 * A pairing's suggestions as a health check stores them ({@code RunStore.PreparedPairing}): the first
 * {@link #STORED} in RULES.md's order (what a call without a limit shows), each the JSON the suggestions
 * endpoint shows for it, one a line (compact JSON never holds a line break). An answer is then those
 * lines wrapped in the reply's other fields, with no finding to read, sort or write again. A call for
 * more is answered from the run's findings.
 */
public final class StoredSuggestions {

    /** How many suggestions are stored: the default limit, the answer nearly every call asks for. */
    static final int STORED = Suggestions.DEFAULT_LIMIT;

    private static final ObjectMapper JSON = Json.mapper();

    private StoredSuggestions() {
    }

    /** The lines of a pairing's suggestions among its {@code findings}; thread-safe. */
    public static String of(List<Finding> findings) {
        StringJoiner lines = new StringJoiner("\n");
        try {
            for (Finding suggestion : Suggestions.forMentee(findings, STORED)) {
                lines.add(JSON.writeValueAsString(FindingJson.of(suggestion)));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a suggestion as JSON", e);
        }
        return lines.toString();
    }

    /**
     * The reply of the suggestions endpoint, the JSON of {@link AdviceJson.Suggestions} for an active
     * pairing with nothing dismissed, made of the first {@code limit} of the stored {@code lines} (UTF-8).
     *
     * @param limit at most {@link #STORED}
     */
    static byte[] reply(String pairingId, LocalDate asOf, byte[] lines, int limit) {
        ByteArrayOutputStream reply = new ByteArrayOutputStream(lines.length + 128);
        try (JsonGenerator json = JSON.createGenerator(reply)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT)) { // the object is ended below
            json.writeStartObject();
            json.writeStringField("pairingId", pairingId);
            json.writeStringField("asOf", asOf.toString());
            json.writeBooleanField("active", true);
            json.writeNumberField("hidden", 0);
            json.writeRaw(",\"suggestions\":["); // the lines follow as they are, bytes of JSON already
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the suggestions", e);
        }
        int from = 0;
        for (int shown = 0; shown < limit && from < lines.length; shown++) {
            int end = from;
            while (end < lines.length && lines[end] != '\n') { // UTF-8 never uses the byte of \n inside a character
                end++;
            }
            if (shown > 0) {
                reply.write(',');
            }
            reply.write(lines, from, end - from);
            from = end + 1;
        }
        reply.write(']');
        reply.write('}');
        return reply.toByteArray();
    }
}
