package org.roadmapcoach.rules.objectives;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SMART-MEASURABLE's quantity test: exactly RULES.md's digits, percent sign and word list. */
class QuantitiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "dozen", "half",
            "twice", "once", "double", "triple", "daily", "weekly", "fortnightly", "biweekly", "monthly", "quarterly",
            "yearly", "annually", "hourly", "nightly", "every", "per"})
    void everyListedWordIsAQuantityInAnyCase(String word) {
        assertThat(Quantities.statesQuantity("Do it " + word)).isTrue();
        assertThat(Quantities.statesQuantity(word.toUpperCase() + " times")).isTrue();
        assertThat(Quantities.WORDS).contains(word);
    }

    @Test
    void theWordListIsExactlyTheCatalogs() {
        assertThat(Quantities.WORDS).hasSize(38);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Reach 0 incidents", "Q3", "Cut it by 50%", "%", "v2 of the API", "1:1s"})
    void aDigitOrAPercentSignIsAQuantity(String text) {
        assertThat(Quantities.statesQuantity(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"someone", "oneself", "Person of the year", "Several times", "many more", "a few",
            "sixty", "seventy", "eighteen", "thirteen", "hundreds", "dozens", "tenth", "halves", "weekday",
            "everyone", "everything", "percent", "ninety", "first", "\u0661\u0662 Arabic-Indic digits", ""})
    void nothingElseCounts(String text) {
        assertThat(Quantities.statesQuantity(text)).isFalse();
    }

    @Test
    void wordsAreRunsOfLettersSoHyphensAndDigitsSeparateThem() {
        assertThat(Quantities.statesQuantity("twenty-five talks")).isTrue();
        assertThat(Quantities.statesQuantity("one-on-ones")).isTrue();
        assertThat(Quantities.statesQuantity("caf\u00e9-twice")).isTrue();
        assertThat(Quantities.statesQuantity("sum\u00e9very")).isFalse();
    }

    @Test
    void readsTitleAndDescriptionAndTreatsNullAsNothing() {
        assertThat(Quantities.statesQuantity(null)).isFalse();
        assertThat(Quantities.statesQuantity(null, "monthly")).isTrue();
        assertThat(Quantities.statesQuantity("per sprint", null)).isTrue();
        assertThat(Quantities.statesQuantity("Present the plan", "to the team")).isFalse();
    }
}
