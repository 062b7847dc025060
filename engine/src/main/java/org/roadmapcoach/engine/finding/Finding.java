package org.roadmapcoach.engine.finding;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a rule concluded about one subject of a pairing: who should act, what to say, the next
 * step, and the evidence that made it fire.
 *
 * @param pairingId the pairing the subject belongs to
 * @param evidence the matched values, in the order the rule gave them; values are strings, numbers,
 *     dates or lists of those
 * @param keyDate the earliest date involved, used to order suggestions; null when none
 */
public record Finding(String ruleId, Severity severity, String category, SubjectType subjectType,
                      String subjectId, String pairingId, Audience audience, String message, String nextStep,
                      Map<String, Object> evidence, LocalDate keyDate) {

    public Finding {
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    /** The category of a rule, from its id prefix: {@code CI-OVERDUE} is about check-ins. */
    public static String categoryOf(String ruleId) {
        String prefix = ruleId.substring(0, ruleId.indexOf('-'));
        return switch (prefix) {
            case "SMART", "OBJ" -> "objectives";
            case "MS" -> "milestones";
            case "CI" -> "check-ins";
            case "RC" -> "reciprocity";
            case "AG" -> "agreement";
            case "AC" -> "activities";
            case "RES" -> "resources";
            case "GR" -> "growth";
            default -> throw new IllegalArgumentException("unknown rule family: " + ruleId);
        };
    }

    /** Starts a finding; rules finish it with the message, next step and evidence. */
    public static Builder of(String ruleId, Severity severity, SubjectType subjectType, String subjectId,
                             String pairingId, Audience audience) {
        return new Builder(ruleId, severity, subjectType, subjectId, pairingId, audience);
    }

    /** Builds a finding in a rule consequence. */
    public static final class Builder {
        private final String ruleId;
        private final Severity severity;
        private final SubjectType subjectType;
        private final String subjectId;
        private final String pairingId;
        private final Audience audience;
        private final Map<String, Object> evidence = new LinkedHashMap<>();
        private String message = "";
        private String nextStep = "";
        private LocalDate keyDate;

        private Builder(String ruleId, Severity severity, SubjectType subjectType, String subjectId,
                        String pairingId, Audience audience) {
            this.ruleId = ruleId;
            this.severity = severity;
            this.subjectType = subjectType;
            this.subjectId = subjectId;
            this.pairingId = pairingId;
            this.audience = audience;
        }

        public Builder message(String text) {
            this.message = text;
            return this;
        }

        public Builder nextStep(String text) {
            this.nextStep = text;
            return this;
        }

        /** Adds one piece of evidence; a null value is left out. */
        public Builder evidence(String name, Object value) {
            if (value != null) {
                evidence.put(name, value instanceof Enum<?> e ? e.name().toLowerCase(java.util.Locale.ROOT) : value);
            }
            return this;
        }

        /** The earliest date involved, for ordering suggestions. */
        public Builder keyDate(LocalDate date) {
            this.keyDate = date;
            return this;
        }

        public Finding build() {
            return new Finding(ruleId, severity, categoryOf(ruleId), subjectType, subjectId, pairingId, audience,
                    message, nextStep, evidence, keyDate);
        }
    }
}
