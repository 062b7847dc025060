package org.roadmapcoach.app.nextsteps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.roadmapcoach.app.Json;
import org.roadmapcoach.engine.finding.Finding;

/**
 * The evidence behind a suggestion, as one hash: a dismissed suggestion stays hidden while its
 * fingerprint stays the same. Severity counts (a warning that turns critical comes back); evidence
 * that only counts days up to the as-of date does not, or every dismissal would expire the next day.
 */
final class Fingerprint {

    /**
     * Evidence that grows by itself as days pass: days since or until a date, and RC-UNBALANCED's
     * window, which is the days since the start for a pairing younger than the window.
     */
    static final Set<String> DAY_COUNTS = Set.of("daysSince", "daysSinceStart", "daysLate", "daysLeft", "windowDays");

    private static final ObjectMapper JSON = Json.mapper();

    private Fingerprint() {
    }

    static String of(Finding finding) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("ruleId", finding.ruleId());
        facts.put("subjectType", finding.subjectType().code());
        facts.put("subjectId", finding.subjectId());
        facts.put("severity", finding.severity().code());
        Map<String, Object> evidence = new TreeMap<>(finding.evidence());
        evidence.keySet().removeAll(DAY_COUNTS);
        facts.put("evidence", evidence);
        try {
            byte[] text = JSON.writeValueAsString(facts).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a finding of " + finding.ruleId(), e);
        }
    }

    /** The objective a finding is about, '' when its evidence names none. */
    static String objectiveOf(Finding finding) {
        Object objective = finding.evidence().get("objectiveId");
        return objective == null ? "" : objective.toString();
    }
}
