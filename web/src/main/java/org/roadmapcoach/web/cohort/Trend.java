package org.roadmapcoach.web.cohort;

import java.util.ArrayList;
import java.util.List;
import org.roadmapcoach.data.run.RunBoard.Tally;

/**
 * The health trend over the stored runs as an SVG drawn on the server: for each health, a line of the share
 * of pairings that had it in each run, oldest run on the left.
 *
 * @param lines one per health, red, amber, green
 * @param labels each run's date under its point
 */
public record Trend(int width, int height, List<Line> lines, List<Label> labels, String summary) {

    /** A health's line: the SVG points and the share of pairings at each run. */
    public record Line(String health, String points, List<Dot> dots) {
    }

    /** One point of a line, with what it says in words (its title). */
    public record Dot(int x, int y, String title) {
    }

    /** A run's date under the chart. */
    public record Label(int x, String text) {
    }

    static final int WIDTH = 640;
    static final int HEIGHT = 200;
    private static final int LEFT = 40;
    private static final int RIGHT = 20;
    private static final int TOP = 10;
    private static final int BOTTOM = 30;

    /** The chart of {@code runs}, oldest first. */
    public static Trend of(List<Tally> runs) {
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        List<Line> lines = new ArrayList<>();
        for (String health : List.of("red", "amber", "green")) {
            StringBuilder points = new StringBuilder();
            List<Dot> dots = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                Tally run = runs.get(i);
                long count = switch (health) {
                    case "red" -> run.red();
                    case "amber" -> run.amber();
                    default -> run.green();
                };
                double share = run.total() == 0 ? 0 : (double) count / run.total();
                int x = LEFT + (runs.size() == 1 ? plotWidth / 2 : i * plotWidth / (runs.size() - 1));
                int y = TOP + (int) Math.round((1 - share) * plotHeight);
                points.append(points.isEmpty() ? "" : " ").append(x).append(',').append(y);
                dots.add(new Dot(x, y, run.asOf() + ": " + count + " " + health + " of " + run.total()
                        + " (" + Math.round(share * 100) + "%)"));
            }
            lines.add(new Line(health, points.toString(), dots));
        }
        List<Label> labels = new ArrayList<>();
        int every = Math.max(1, (runs.size() + 5) / 6);
        for (int i = 0; i < runs.size(); i += every) {
            labels.add(new Label(lines.get(0).dots().get(i).x(), runs.get(i).asOf().toString()));
        }
        String summary = runs.isEmpty() ? "" : "Share of pairings red, amber and green in each of the last "
                + runs.size() + " stored health check" + (runs.size() == 1 ? "" : "s") + ", from "
                + runs.get(0).asOf() + " to " + runs.get(runs.size() - 1).asOf() + ".";
        return new Trend(WIDTH, HEIGHT, lines, labels, summary);
    }

    /** The y of a share (0 to 100 percent) on the axis. */
    public int yOf(int percent) {
        return TOP + (int) Math.round((100 - percent) / 100.0 * (HEIGHT - TOP - BOTTOM));
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return WIDTH - RIGHT;
    }
}
