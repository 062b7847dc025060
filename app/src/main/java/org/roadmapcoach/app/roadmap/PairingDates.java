package org.roadmapcoach.app.roadmap;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roadmapcoach.app.problem.FieldError;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.engine.roadmap.Pairing;

/**
 * Dates written for a pairing must make sense for it (API.md): not before its start date, not after its
 * end date, and not more than a year after today. A check-in of 1999 or 2031 is a typing mistake, and would
 * quietly change what the rules find.
 */
final class PairingDates {

    private final Map<String, LocalDate> dates = new LinkedHashMap<>();

    /** Adds a written date by its field name; null (no date) is left out. */
    PairingDates with(String field, LocalDate date) {
        if (date != null) {
            dates.put(field, date);
        }
        return this;
    }

    /** Fails naming every date that does not fit the pairing, with the pairing's dates. */
    void check(Pairing pairing, LocalDate today) {
        LocalDate latest = today.plusYears(1);
        if (pairing.endDate() != null && pairing.endDate().isBefore(latest)) {
            latest = pairing.endDate();
        }
        String span = "pairing " + pairing.id() + " runs from " + pairing.startDate()
                + (pairing.endDate() == null ? "" : " to " + pairing.endDate());
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, LocalDate> date : dates.entrySet()) {
            LocalDate value = date.getValue();
            if (value.isBefore(pairing.startDate()) || value.isAfter(latest)) {
                errors.add(new FieldError(date.getKey(), value.toString(), "expected a date from "
                        + pairing.startDate() + " to " + latest + " (" + span + "; today is " + today
                        + ", and nothing is written more than a year ahead)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
