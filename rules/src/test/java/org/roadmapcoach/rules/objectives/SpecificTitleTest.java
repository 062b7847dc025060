package org.roadmapcoach.rules.objectives;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The SMART-SPECIFIC heuristic against a table of labelled career-mentoring objectives. */
class SpecificTitleTest {

    record Labelled(String label, String title) {
        @Override
        public String toString() {
            return label + ": " + title;
        }
    }

    static List<Labelled> table() throws IOException {
        List<Labelled> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                SpecificTitleTest.class.getResourceAsStream("specific-titles.csv")), StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            assertThat(line).isEqualTo("label,title");
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    int comma = line.indexOf(',');
                    rows.add(new Labelled(line.substring(0, comma), line.substring(comma + 1)));
                }
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void agreesWithEveryLabel(Labelled row) {
        assertThat(row.label()).isIn("vague", "specific");
        assertThat(SpecificTitle.isVague(row.title(), 4)).as(row.title()).isEqualTo(row.label().equals("vague"));
    }

    @Test
    void theTableHasAtLeast40TitlesOfBothKinds() throws IOException {
        List<Labelled> rows = table();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(40);
        assertThat(rows).filteredOn(r -> r.label().equals("vague")).hasSizeGreaterThanOrEqualTo(15);
        assertThat(rows).filteredOn(r -> r.label().equals("specific")).hasSizeGreaterThanOrEqualTo(15);
        assertThat(rows).extracting(Labelled::title).doesNotHaveDuplicates();
    }

    @Test
    void countsWordsSeparatedByAnyWhiteSpace() {
        assertThat(SpecificTitle.problem("Ship  the\tbilling\u00a0migration", 4)).isNull();
        assertThat(SpecificTitle.problem("  Ship the billing  ", 4)).isEqualTo("has 3 words; a specific title has at least 4");
        assertThat(SpecificTitle.problem("Ship-the-billing-migration", 4)).startsWith("has 1 word;");
        assertThat(SpecificTitle.problem("", 4)).startsWith("has 0 words;");
    }

    @Test
    void explainsAVagueAim() {
        assertThat(SpecificTitle.problem("Work on time management", 4))
                .isEqualTo("states a vague aim (\"work on\") with no concrete deliverable, audience or scope");
    }

    @Test
    void aMarkerThatNamesASkillDoesNotCount() {
        assertThat(SpecificTitle.isVague("Improve my presentation skills a lot", 4)).isTrue();
        assertThat(SpecificTitle.isVague("Improve my presentation for the board", 4)).isFalse();
    }

    @Test
    void theMinimumComesFromTheCaller() {
        assertThat(SpecificTitle.isVague("Ship the billing migration", 5)).isTrue();
        assertThat(SpecificTitle.isVague("Ship it", 2)).isFalse();
    }
}
