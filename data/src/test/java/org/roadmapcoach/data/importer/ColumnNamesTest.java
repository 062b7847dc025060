package org.roadmapcoach.data.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.roadmapcoach.data.store.Tables;

/** Header names as people write them, and which unknown ones are typos of a column. */
class ColumnNamesTest {

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', value = {
        "Start Date      | start_date",
        "mentee-id       | mentee_id",
        "MENTEE_ID       | mentee_id",
        "'  Cadence Days ' | cadence_days",
        "max\u00A0mentees | max_mentees",
    })
    void aHeaderIsLowerCasedWithSpacesAndHyphensTurnedIntoUnderscores(String header, String column) {
        assertThat(ColumnNames.normalise(header)).isEqualTo(column);
    }

    @ParameterizedTest(name = "{0} means {1}")
    @CsvSource(delimiter = '|', value = {
        "cadance_days    | cadence_days",
        "cadence_day     | cadence_days",
        "mentorid        | mentor_id",
        "startdat        | start_date",
        "stat            | status",
    })
    void anUnknownHeaderWithinTwoEditsOfAColumnMeansThatColumn(String header, String column) {
        assertThat(ColumnNames.closest(header, Tables.PAIRINGS.columns())).isEqualTo(column);
    }

    @Test
    void anUnknownHeaderThreeEditsFromEveryColumnMeansNone() {
        assertThat(ColumnNames.closest("cadense_dayz_", Tables.PAIRINGS.columns())).isNull();
        assertThat(ColumnNames.closest("nickname", Tables.PEOPLE.columns())).isNull();
    }

    @Test
    void aVeryLongHeaderIsComparedByLengthFirst() {
        assertThat(ColumnNames.closest("x".repeat(1_000_000), Tables.PAIRINGS.columns())).isNull();
    }
}
