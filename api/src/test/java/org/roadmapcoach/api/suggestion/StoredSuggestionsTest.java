package org.roadmapcoach.api.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.roadmapcoach.api.Json;
import org.roadmapcoach.api.healthcheck.HealthCheckJson.FindingJson;
import org.roadmapcoach.engine.evaluation.Suggestions;
import org.roadmapcoach.engine.finding.Audience;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.finding.Severity;
import org.roadmapcoach.engine.finding.SubjectType;

/** A reply made of stored suggestions is, byte for byte, what Jackson writes for the same suggestions. */
class StoredSuggestionsTest {

    private static final ObjectMapper JSON = Json.mapper();
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 4, 5, 7})
    void aReplyOfStoredSuggestionsIsWhatJacksonWritesForEveryLimit(int suggestions) throws Exception {
        String pairingId = "P-\"quoted\" \\ été \u0001";
        List<Finding> findings = findings(pairingId, suggestions);
        StoredSuggestions.Loaded stored = StoredSuggestions.Loaded.of(StoredSuggestions.of(findings)
                .getBytes(StandardCharsets.UTF_8));

        for (int limit = 1; limit <= StoredSuggestions.STORED; limit++) {
            byte[] reply = StoredSuggestions.reply(pairingId, AS_OF, stored, limit);

            byte[] expected = JSON.writeValueAsBytes(new AdviceJson.Suggestions(pairingId, AS_OF, true, 0,
                    Suggestions.forMentee(findings, limit).stream().map(FindingJson::of).toList()));
            assertThat(new String(reply, StandardCharsets.UTF_8)).as("limit %d", limit)
                    .isEqualTo(new String(expected, StandardCharsets.UTF_8));
        }
    }

    /** {@code count} mentee suggestions with text that JSON must escape, and a mentor finding that is none. */
    private static List<Finding> findings(String pairingId, int count) {
        List<Finding> findings = new ArrayList<>(IntStream.range(0, count).mapToObj(i ->
                Finding.of("CI-OVERDUE", Severity.WARNING, SubjectType.PAIRING, pairingId, pairingId, Audience.MENTEE)
                        .message("Line\nbreak, \"quotes\" and ünïcødé " + i)
                        .nextStep("Book check-in " + i + " \u2014 today")
                        .evidence("daysSince", 20 + i)
                        .keyDate(AS_OF.minusDays(i))
                        .build()).toList());
        findings.add(Finding.of("CI-ONE-WAY-FEEDBACK", Severity.INFO, SubjectType.PAIRING, pairingId, pairingId,
                        Audience.MENTOR).message("for the mentor").nextStep("none").build());
        return findings;
    }
}
