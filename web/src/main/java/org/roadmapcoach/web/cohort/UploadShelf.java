package org.roadmapcoach.web.cohort;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.roadmapcoach.app.cohort.CohortService.Upload;

/**
 * The files of an import's dry run, kept in memory between the dry run and "apply" (30 minutes at most, the
 * last {@value #KEPT} uploads), for the person and cohort that sent them only: apply imports exactly what
 * the dry run reported on, without sending the files again.
 */
final class UploadShelf {

    static final Duration KEPT_FOR = Duration.ofMinutes(30);
    static final int KEPT = 8;

    /** An upload on the shelf. */
    record Shelved(String personId, String cohortId, List<Upload> files, boolean sync, Instant until) {
    }

    private final Map<String, Shelved> shelf = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    UploadShelf(Clock clock) {
        this.clock = clock;
    }

    /** Keeps {@code files}; the key that takes them back. */
    synchronized String put(String personId, String cohortId, List<Upload> files, boolean sync) {
        expire();
        while (shelf.size() >= KEPT) {
            shelf.remove(shelf.keySet().iterator().next());
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        shelf.put(key, new Shelved(personId, cohortId, List.copyOf(files), sync, clock.instant().plus(KEPT_FOR)));
        return key;
    }

    /** Takes the upload of {@code key} off the shelf, when it is this person's for this cohort and still kept. */
    synchronized Optional<Shelved> take(String key, String personId, String cohortId) {
        expire();
        Shelved found = key == null ? null : shelf.get(key);
        if (found == null || !found.personId().equals(personId) || !found.cohortId().equals(cohortId)) {
            return Optional.empty();
        }
        shelf.remove(key);
        return Optional.of(found);
    }

    private void expire() {
        Instant now = clock.instant();
        shelf.values().removeIf(s -> s.until().isBefore(now));
    }
}
