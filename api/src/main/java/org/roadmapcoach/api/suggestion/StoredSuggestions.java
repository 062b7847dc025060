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
     * A pairing's stored suggestions as read, ready to answer with: their JSON objects joined by commas,
     * as in the reply's array, and where each of them ends.
     */
    record Loaded(byte[] json, int[] ends) {

        /** From the stored {@code lines} (UTF-8), one suggestion a line. */
        static Loaded of(byte[] lines) {
            if (lines.length == 0) {
                return new Loaded(lines, new int[0]);
            }
            byte[] json = lines.clone();
            int count = 1;
            for (byte b : json) {
                count += b == '\n' ? 1 : 0; // UTF-8 never uses the byte of \n inside a character
            }
            int[] ends = new int[count];
            int next = 0;
            for (int i = 0; i < json.length; i++) {
                if (json[i] == '\n') {
                    json[i] = ',';
                    ends[next++] = i;
                }
            }
            ends[next] = json.length;
            return new Loaded(json, ends);
        }

        /** What it weighs in memory, about: its bytes and its few objects. */
        int weight() {
            return json.length + 4 * ends.length + 64;
        }
    }

    /**
     * The reply of the suggestions endpoint, the JSON of {@link AdviceJson.Suggestions} for an active
     * pairing with nothing dismissed, made of the first {@code limit} of the {@code stored} suggestions.
     * Nearly every call of a server is answered by it: it copies the bytes of the suggestions, in one
     * piece, into an array of the reply's exact size.
     *
     * @param limit at most {@link #STORED}
     */
    static byte[] reply(String pairingId, LocalDate asOf, Loaded stored, int limit) {
        byte[] head = ("{\"pairingId\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(pairingId))
                + "\",\"asOf\":\"" + asOf + "\",\"active\":true,\"hidden\":0,\"suggestions\":[")
                .getBytes(StandardCharsets.UTF_8);
        int shown = Math.min(limit, stored.ends().length);
        int length = shown == 0 ? 0 : stored.ends()[shown - 1];
        byte[] reply = new byte[head.length + length + 2];
        System.arraycopy(head, 0, reply, 0, head.length);
        System.arraycopy(stored.json(), 0, reply, head.length, length);
        reply[reply.length - 2] = ']';
        reply[reply.length - 1] = '}';
        return reply;
    }
}
