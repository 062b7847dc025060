package org.roadmapcoach.api.suggestion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
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
     * Nearly every call of a server is answered by it, so it writes the reply's bytes straight into an
     * array of the exact size.
     *
     * @param limit at most {@link #STORED}
     */
    static byte[] reply(String pairingId, LocalDate asOf, byte[] lines, int limit) {
        byte[] head = ("{\"pairingId\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(pairingId))
                + "\",\"asOf\":\"" + asOf + "\",\"active\":true,\"hidden\":0,\"suggestions\":[")
                .getBytes(StandardCharsets.UTF_8);
        int end = 0; // the lines shown end here; their line breaks become the commas of the array
        for (int shown = 0; shown < limit && end < lines.length; shown++) {
            while (end < lines.length && lines[end] != '\n') { // UTF-8 never uses the byte of \n inside a character
                end++;
            }
            if (shown < limit - 1 && end < lines.length) {
                end++; // past the line break
            }
        }
        byte[] reply = new byte[head.length + end + 2];
        System.arraycopy(head, 0, reply, 0, head.length);
        for (int i = 0; i < end; i++) {
            reply[head.length + i] = lines[i] == '\n' ? (byte) ',' : lines[i];
        }
        reply[reply.length - 2] = ']';
        reply[reply.length - 1] = '}';
        return reply;
    }
}
