package org.roadmapcoach.web.pairing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.roadmapcoach.app.roadmap.PairingOverview;
import org.roadmapcoach.engine.roadmap.CheckIn;

/**
 * The check-ins on a line from the pairing's start to the as-of date, drawn as SVG on the server: each
 * check-in a mark by status, and each gap without a held check-in a bar, red where it is overdue against
 * the agreed cadence. The page lists the same check-ins as a table for screen readers and printing.
 */
public record Timeline(int width, int height, List<Dot> dots, List<Bar> bars, String startLabel, String endLabel,
                       int cadenceDays, int overdueGaps) {

    static final int WIDTH = 720;
    static final int HEIGHT = 90;
    private static final int PAD = 20;

    /** A check-in: held (filled), missed or cancelled (hollow). */
    public record Dot(int x, String status, String label) {
    }

    /** A gap between held check-ins. */
    public record Bar(int x, int width, boolean overdue, String label) {
    }

    static Timeline of(PairingOverview overview) {
        LocalDate start = overview.roadmap().pairing().startDate();
        LocalDate end = overview.asOf();
        long span = Math.max(1, ChronoUnit.DAYS.between(start, end));
        List<Dot> dots = new ArrayList<>();
        for (CheckIn c : overview.checkIns()) {
            if (!c.date().isBefore(start)) {
                dots.add(new Dot(x(start, c.date(), span), c.status().code(), c.date() + ": " + c.type().code() + ", "
                        + c.status().code()));
            }
        }
        List<Bar> bars = new ArrayList<>();
        int overdue = 0;
        for (PairingOverview.Gap g : overview.gaps()) {
            int from = x(start, g.from(), span);
            bars.add(new Bar(from, Math.max(1, x(start, g.to(), span) - from), g.overdue(),
                    g.days() + " days" + (g.overdue() ? ", overdue" : "")));
            overdue += g.overdue() ? 1 : 0;
        }
        return new Timeline(WIDTH, HEIGHT, dots, bars, start.toString(), end.toString(),
                overview.roadmap().pairing().cadenceDays(), overdue);
    }

    private static int x(LocalDate start, LocalDate day, long span) {
        long days = Math.max(0, Math.min(span, ChronoUnit.DAYS.between(start, day)));
        return PAD + (int) (days * (WIDTH - 2 * PAD) / span);
    }
}
