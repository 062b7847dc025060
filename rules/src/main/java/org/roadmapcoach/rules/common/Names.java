package org.roadmapcoach.rules.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.roadmapcoach.engine.roadmap.Coded;
import org.roadmapcoach.engine.roadmap.Milestone;

/** How findings name things in their messages, and stable (sorted) lists for their evidence. */
public final class Names {

    private Names() {
    }

    /** A quoted title: {@code "Give a talk"}. */
    public static String quoted(String title) {
        return "\"" + title + "\"";
    }

    /** A milestone by its quoted title, or by its id when it has none. */
    public static String milestone(Milestone milestone) {
        return Text.hasText(milestone.title()) ? quoted(milestone.title()) : milestone.id();
    }

    /** "1 check-in", "3 check-ins". */
    public static String count(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }

    /** "a", "a and b", "a, b and c". */
    public static String list(Collection<?> items) {
        List<String> texts = items.stream().map(Names::text).toList();
        if (texts.size() <= 1) {
            return String.join("", texts);
        }
        return String.join(", ", texts.subList(0, texts.size() - 1)) + " and " + texts.get(texts.size() - 1);
    }

    /** The items as text (enums by their code), sorted, for evidence that must not depend on fact order. */
    public static List<String> sorted(Collection<?> items) {
        List<String> texts = new ArrayList<>(items.stream().map(Names::text).toList());
        texts.sort(null);
        return texts;
    }

    /** Enums by their code ({@code in_progress}), everything else by {@code toString}. */
    public static String text(Object item) {
        return item instanceof Coded coded ? coded.code() : String.valueOf(item);
    }
}
