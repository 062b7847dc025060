package org.roadmapcoach.rules.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.roadmapcoach.engine.roadmap.Stage;

class TextTest {

    @Test
    void lettersWordsAreMaximalRunsOfAToZ() {
        assertThat(Text.letterWords("Twenty-five 1:1s, caf\u00e9 DAILY")).containsExactly("twenty", "five", "s", "caf",
                "daily");
        assertThat(Text.letterWords(null)).isEmpty();
    }

    @Test
    void countsWhiteSpaceSeparatedWords() {
        assertThat(Text.whitespaceWordCount(" a  b\tc\n")).isEqualTo(3);
        assertThat(Text.whitespaceWordCount("a\u00a0b")).isEqualTo(2);
        assertThat(Text.whitespaceWordCount("   ")).isZero();
        assertThat(Text.whitespaceWordCount(null)).isZero();
    }

    @Test
    void blankIsNullOrWhiteSpace() {
        assertThat(Text.isBlank(null)).isTrue();
        assertThat(Text.isBlank(" \t")).isTrue();
        assertThat(Text.hasText(" x ")).isTrue();
    }

    @Test
    void namesListsAndMissingStages() {
        assertThat(Names.list(List.of("a"))).isEqualTo("a");
        assertThat(Names.list(List.of("a", "b", "c"))).isEqualTo("a, b and c");
        assertThat(Names.sorted(List.of(Stage.PRACTICE, Stage.DISCOVERY))).containsExactly("discovery", "practice");
        assertThat(Stages.missingCodes(List.of(Stage.PRACTICE, Stage.DISCOVERY))).containsExactly("feedback", "mastery");
        assertThat(Agreements.missingParts(null)).containsExactly("roles", "boundaries", "cadence", "success_metrics");
    }
}
