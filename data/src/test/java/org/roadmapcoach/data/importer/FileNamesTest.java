package org.roadmapcoach.data.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.roadmapcoach.data.store.Table;

/** Which of the nine files a name is, without a store: the forms docs/CSV.md accepts and those it does not. */
class FileNamesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "people.csv                               | people.csv",
        "People.CSV                               | people.csv",
        "Northwind mentoring - people.csv         | people.csv",
        "Northwind people.csv                     | people.csv",
        "2026_pairings.csv                        | pairings.csv",
        "people (1).csv                           | people.csv",
        "people(12).csv                           | people.csv",
        "people copy.csv                          | people.csv",
        "people copy 2.csv                        | people.csv",
        "people - Copy (2).csv                    | people.csv",
        "Copy of checkins.csv                     | checkins.csv",
        "Spring 2026 - Milestones (1).csv         | milestones.csv",
        "week_24_reciprocity.csv                  | reciprocity.csv",
        "cohort_engagements_2.csv                 | engagements.csv",
    })
    void aNameWithAPrefixACopySuffixOrAnotherCaseIsTheFile(String name, String file) {
        assertThat(FileNames.table(name)).map(Table::fileName).contains(file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"peoples.csv", "people-list.csv", "people.csv.bak", "people.xlsx", "xpeople.csv",
            "Northwind-people.csv", "._people.csv", "(1).csv", "people.txt", "check ins.csv"})
    void aNameThatOnlyResemblesAFileIsNotIt(String name) {
        assertThat(FileNames.table(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"__MACOSX/export/._people.csv", "__MACOSX/people.csv", "export/._people.csv",
            "._people.csv"})
    void macOsMetadataIsRecognisedAsSuch(String path) {
        assertThat(FileNames.isMacMetadata(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"export/people.csv", "people.csv", "MACOSX/people.csv", "export/_people.csv"})
    void aFileIsNotMacOsMetadata(String path) {
        assertThat(FileNames.isMacMetadata(path)).isFalse();
    }
}
