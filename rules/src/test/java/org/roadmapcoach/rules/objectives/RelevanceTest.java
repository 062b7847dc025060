package org.roadmapcoach.rules.objectives;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** SMART-RELEVANT: a gap of the mentee, or named in their ambitions. */
class RelevanceTest {

    @Test
    void aGapMatchesIgnoringCaseAndSurroundingSpace() {
        assertThat(Relevance.isRelevant(" SQL ", List.of("sql"), null)).isTrue();
        assertThat(Relevance.isRelevant("sql", List.of("Public speaking", " SQL"), null)).isTrue();
    }

    @Test
    void theAmbitionsMatchAsText() {
        assertThat(Relevance.isRelevant("system design", List.of(), "Staff engineer owning System Design reviews"))
                .isTrue();
        assertThat(Relevance.isRelevant("design", List.of(), "Head of Design")).isTrue();
    }

    @Test
    void anythingElseIsNotRelevant() {
        assertThat(Relevance.isRelevant("negotiation", List.of("sql"), "Lead a team")).isFalse();
        assertThat(Relevance.isRelevant(null, List.of("sql"), "sql")).isFalse();
        assertThat(Relevance.isRelevant("  ", List.of(" "), "  ")).isFalse();
    }
}
