package org.roadmapcoach.data.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpreadsheetFormulasTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "=HYPERLINK(\"http://evil\",\"x\") | '=HYPERLINK(\"http://evil\",\"x\")",
        "+cmd                              | '+cmd",
        "-2+3                              | '-2+3",
        "@SUM(A1)                          | '@SUM(A1)",
        "'=already                         | ''=already",
        "''+twice                          | '''+twice",
        "`'`                               | `'`",
        "'plain                            | 'plain",
        "plain                             | plain",
        "a=b                               | a=b",
        "`  =spaced`                       | `  =spaced`",
    })
    void prefixesAQuoteToTextASpreadsheetWouldRun(String text, String neutralised) {
        assertThat(SpreadsheetFormulas.neutralise(text)).isEqualTo(neutralised);
        assertThat(SpreadsheetFormulas.restore(neutralised)).isEqualTo(text);
    }

    @Test
    void aLeadingTabOrCarriageReturnIsNeutralisedToo() {
        assertThat(SpreadsheetFormulas.neutralise("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(SpreadsheetFormulas.neutralise("\r=1+1")).isEqualTo("'\r=1+1");
    }

    @Test
    void restoringUndoesNeutralisingForAnyText() {
        for (String text : List.of("", "'", "''", "=", "'=", "''=", "-", "x'=", "'\t", "\t", "@'", "'a'=b")) {
            assertThat(SpreadsheetFormulas.restore(SpreadsheetFormulas.neutralise(text))).as(text).isEqualTo(text);
        }
        assertThat(SpreadsheetFormulas.neutralise(null)).isNull();
        assertThat(SpreadsheetFormulas.restore(null)).isNull();
    }

    @Test
    void restoreLeavesTextThatWasNeverNeutralisedAlone() {
        assertThat(SpreadsheetFormulas.restore("=1+1")).isEqualTo("=1+1");
        assertThat(SpreadsheetFormulas.restore("'quoted'")).isEqualTo("'quoted'");
    }
}
