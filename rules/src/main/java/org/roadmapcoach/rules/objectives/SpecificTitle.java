package org.roadmapcoach.rules.objectives;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.roadmapcoach.rules.common.Text;

/**
 * The SMART-SPECIFIC heuristic: does an objective's title name a concrete outcome?
 *
 * <p>A title is <em>not specific</em> when either
 * <ol>
 *   <li>it has fewer words than the policy's minimum (4 by default), counting white-space separated
 *       words; or</li>
 *   <li>it states a vague aim (a phrase such as "improve", "get better at", "learn about", "work on",
 *       "be more", "become a better", "develop", "understand") and names no concrete marker: no
 *       deliverable (a talk, a design doc, a course, a runbook, a dashboard, shipping or publishing
 *       something), no audience (the team, stakeholders, executives, new hires) and no scope (a
 *       number, a percentage, a month, a quarter, a sprint, a frequency).</li>
 * </ol>
 * Words for phrases and markers are runs of the letters a to z, lower-cased, so "all-hands" is
 * "all hands". A marker directly followed by "skill(s)", "sense" or "knowledge" names a skill, not a
 * deliverable ("presentation skills" is not a presentation).
 *
 * <p>It is a heuristic, tuned on the labelled titles in the test resources
 * ({@code specific-titles.csv}). Known limits: a long title with no vague-aim phrase is never flagged
 * ("Leadership and life in general"), and any marker word clears a vague aim, even a weak one.
 * See {@code rules/SMART-SPECIFIC.md}.
 */
public final class SpecificTitle {

    /** Vague aims, as word sequences; matched anywhere in the title. */
    static final List<List<String>> VAGUE_AIMS = phrases(
            "improve", "improving", "enhance", "strengthen", "boost", "develop", "grow", "understand", "explore",
            "learn", "gain", "master", "sharpen", "deepen", "broaden", "polish",
            "get better", "get good", "become better", "be better", "be more", "become more", "be a better",
            "become a better", "work on", "focus on", "know more", "level up", "brush up", "build my", "build up",
            "expand my");

    /** Concrete deliverables, and verbs that produce one. */
    static final Set<String> DELIVERABLES = Set.of(
            "talk", "talks", "presentation", "presentations", "demo", "demos", "keynote", "webinar", "blog",
            "article", "articles", "paper", "whitepaper", "post", "posts", "newsletter", "podcast", "video",
            "tutorial", "doc", "docs", "document", "documentation", "proposal", "rfc", "report", "runbook",
            "runbooks", "playbook", "guide", "handbook", "wiki", "course", "certification", "certificate",
            "exam", "degree", "workshop", "workshops", "bootcamp", "prototype", "poc", "mvp", "dashboard",
            "pipeline", "service", "microservice", "module", "library", "plugin", "app", "api", "tool", "cli",
            "script", "website", "feature", "release", "migration", "launch", "portfolio", "budget", "roadmap",
            "okr", "okrs", "template", "checklist", "retro", "retros", "retrospective", "retrospectives",
            "postmortem", "pr", "prs", "promotion", "project", "codebase", "repository", "repo",
            "ship", "shipping", "publish", "publishing", "deliver", "delivering", "submit", "submitting",
            "migrate", "migrating", "automate", "automating", "implement", "implementing", "facilitate",
            "facilitating", "host", "hosting", "organise", "organising", "organize", "organizing", "complete",
            "completing", "pass", "passing", "earn", "obtain", "presenting");

    /** Audiences: who the outcome is for or shown to. */
    static final Set<String> AUDIENCES = Set.of(
            "team", "teams", "stakeholders", "customers", "clients", "users", "executives", "leadership",
            "board", "committee", "guild", "department", "org", "organisation", "organization", "community",
            "audience", "meetup", "conference", "hires", "interns", "juniors", "peers", "reports", "colleagues",
            "partners", "office");

    /** Scope: when, how often, how much. Digits and percentages count too. */
    static final Set<String> SCOPES = Set.of(
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "quarter", "quarterly", "sprint", "sprints", "week", "weeks", "weekly",
            "month", "months", "monthly", "year", "deadline", "daily", "fortnightly", "biweekly", "annually",
            "yearly", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "dozen", "twice", "half",
            "double", "triple");

    /**
     * The vague aims by their first word, in the order above: each word of a title is looked up rather
     * than compared with every aim (a large health check spent 5% of its time there).
     */
    private static final Map<String, List<List<String>>> VAGUE_AIMS_BY_FIRST_WORD = VAGUE_AIMS.stream()
            .collect(Collectors.groupingBy(phrase -> phrase.get(0)));

    /** Words after a marker that make it the name of a skill rather than a thing. */
    static final Set<String> SKILL_WORDS = Set.of("skill", "skills", "sense", "knowledge");

    private SpecificTitle() {
    }

    /**
     * Why {@code title} is not specific, or null when it is.
     *
     * @param minWords the fewest white-space separated words of a specific title
     */
    public static String problem(String title, int minWords) {
        int count = Text.whitespaceWordCount(title);
        if (count < minWords) {
            return "has " + count + (count == 1 ? " word" : " words") + "; a specific title has at least "
                    + minWords;
        }
        List<String> words = Text.letterWords(title);
        String aim = vagueAim(words);
        if (aim != null && concreteMarker(title, words) == null) {
            return "states a vague aim (\"" + aim + "\") with no concrete deliverable, audience or scope";
        }
        return null;
    }

    /** Whether {@code title} names no concrete outcome. */
    public static boolean isVague(String title, int minWords) {
        return problem(title, minWords) != null;
    }

    /** The first vague-aim phrase in {@code words}, or null. */
    static String vagueAim(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            for (List<String> phrase : VAGUE_AIMS_BY_FIRST_WORD.getOrDefault(words.get(i), List.of())) {
                if (startsAt(words, i, phrase)) {
                    return String.join(" ", phrase);
                }
            }
        }
        return null;
    }

    /** The first deliverable, audience or scope named by the title, or null. */
    static String concreteMarker(String title, List<String> words) {
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if ((c >= '0' && c <= '9') || c == '%') {
                return String.valueOf(c);
            }
        }
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            boolean namesSkill = i + 1 < words.size() && SKILL_WORDS.contains(words.get(i + 1));
            if (!namesSkill && (DELIVERABLES.contains(word) || AUDIENCES.contains(word) || SCOPES.contains(word))) {
                return word;
            }
        }
        if (String.join(" ", words).contains("all hands")) {
            return "all hands";
        }
        return null;
    }

    private static boolean startsAt(List<String> words, int index, List<String> phrase) {
        if (index + phrase.size() > words.size()) {
            return false;
        }
        for (int j = 0; j < phrase.size(); j++) {
            if (!words.get(index + j).equals(phrase.get(j))) {
                return false;
            }
        }
        return true;
    }

    private static List<List<String>> phrases(String... phrases) {
        return java.util.Arrays.stream(phrases).map(p -> List.of(p.split(" "))).toList();
    }
}
