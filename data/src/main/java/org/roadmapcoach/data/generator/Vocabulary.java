package org.roadmapcoach.data.generator;

import java.util.List;
import java.util.Random;
import org.roadmapcoach.engine.roadmap.SkillType;

/**
 * The words synthetic cohorts are made of. Competency names avoid the marker words of SMART-SPECIFIC
 * ("project", "leadership", "service"...), so that a vague title built from one stays vague.
 */
final class Vocabulary {

    /** A competency and whether it is a technical or a soft skill. */
    record Competency(String name, SkillType type) {
    }

    static final List<Competency> COMPETENCIES = List.of(
            tech("system design"), tech("cloud architecture"), tech("data analysis"), tech("sql"),
            tech("test automation"), tech("observability"), tech("security"), tech("machine learning"),
            tech("mobile development"), tech("frontend development"), tech("incident response"),
            tech("performance tuning"), soft("public speaking"), soft("technical writing"),
            soft("stakeholder management"), soft("people management"), soft("negotiation"),
            soft("product discovery"), soft("strategic thinking"), soft("executive presence"), soft("coaching"),
            soft("giving feedback"), soft("influencing"), soft("prioritisation"));

    static final List<Competency> TECHNICAL = COMPETENCIES.stream().filter(c -> c.type() == SkillType.TECHNICAL)
            .toList();
    static final List<Competency> SOFT = COMPETENCIES.stream().filter(c -> c.type() == SkillType.SOFT).toList();

    static final List<String> FIRST_NAMES = List.of("Aisha", "Mateo", "Yusuf", "Grace", "Lukas", "Wei", "Isabela",
            "Jamal", "Ana", "Fatima", "Diego", "Sara", "Priya", "Daniel", "Sofia", "Kenji", "Amara", "Lars",
            "Hannah", "Noah", "Chloé", "Olu", "Mei", "Tomás", "Ingrid", "Ravi", "Zoe", "Kwame", "Elif", "Jonas",
            "Leila", "Marta", "Pedro", "Nia", "Arjun", "Hiro", "Emma", "Samir", "Lucía", "Björn");
    static final List<String> LAST_NAMES = List.of("Rahman", "Fernández", "Demir", "Mensah", "Becker", "Chen",
            "Costa", "Wright", "Petrović", "El-Amin", "Ramírez", "Lindqvist", "Raman", "Okafor", "Marquez",
            "Watanabe", "Nwosu", "Eriksen", "Goldberg", "Kowalski", "Dubois", "Adeyemi", "Huang", "Silva",
            "Johansson", "Menon", "Müller", "Boateng", "Yilmaz", "Novak", "Haddad", "Rossi", "Santos", "Okoye",
            "Iyer", "Tanaka", "O'Brien", "Aziz", "García", "Nilsson");
    static final List<String> TEAMS = List.of("payments", "platform", "growth", "mobile", "data", "search",
            "billing", "identity", "checkout", "support tools");
    static final List<String> DEPARTMENTS = List.of("Platform Engineering", "Product", "Data & Analytics",
            "Customer Success", "Design", "Site Reliability", "Security", "Sales Engineering");
    static final List<String> MENTEE_TITLES = List.of("Software Engineer II", "Data Analyst", "Associate PM",
            "Graduate Software Engineer", "QA Engineer", "Product Designer", "Solutions Engineer",
            "Site Reliability Engineer", "BI Analyst", "Support Engineer");
    static final List<String> MENTOR_TITLES = List.of("Principal Engineer", "Director of Product",
            "Engineering Manager", "Staff Data Scientist", "Head of Design", "Senior Staff Engineer",
            "VP Customer Success");
    static final List<String> DELIVERABLES = List.of("dashboard", "pipeline", "runbook", "prototype", "library",
            "migration plan", "design doc");
    static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December");

    static final List<String> FEEDBACK_TO_MENTEE = List.of(
            "Clear progress since last time; now write down what you would cut.",
            "The draft is strong. Lead with the decision, then the analysis.",
            "Good call to involve the on-call lead early.",
            "You explained the trade-offs well; practise the two-minute version.",
            "Next time, bring the numbers, not just the story.",
            "The stakeholder map is thorough: pick the two people who matter most.");
    static final List<String> FEEDBACK_TO_MENTOR = List.of(
            "The worked examples from your own reviews help most.",
            "Could we keep sessions to 45 minutes?",
            "More challenge on my drafts, please; I can take it.",
            "The intro to the architecture forum was exactly what I needed.",
            "Sharing your calendar tricks was surprisingly useful.");
    static final List<String> NOTES = List.of(
            "Agreed the next two milestones.",
            "Walked through the draft, \"line by line\", and agreed two changes.",
            "Short session: incident week.",
            "Reviewed the milestone, then planned the next one.",
            "Discussed the reorg, the new manager and what stays the same.\nNext: book the demo slot.",
            "");
    static final List<String> REFLECTIONS = List.of(
            "The real risk was simpler than I feared; the hard part was saying no to scope.",
            "Writing the alternatives first forced me to admit I had picked the answer early.",
            "Asking for feedback before the review, not after, saved a whole round.",
            "I underestimated how long alignment takes; next time I will start with the skeptics.");
    static final List<String> OUTCOMES = List.of("Done, with two follow-ups.", "Shared with the team.",
            "Half finished; continuing next week.", "Got useful comments from two reviewers.", "");
    static final List<String> TAKEAWAYS = List.of(
            "One idea per slide, and a story in the first minute.",
            "Measure before tuning: the slow part was never where I guessed.",
            "Write the decision record before the meeting, not after.",
            "Ask what the stakeholder would need to say yes.");
    static final List<String> AMBITIONS = List.of(
            "Become a staff engineer known for %s across teams.",
            "Lead a team within two years, with %s as my strongest card.",
            "Move into product, building on %s.",
            "Be the person others ask about %s.");

    private Vocabulary() {
    }

    static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static Competency tech(String name) {
        return new Competency(name, SkillType.TECHNICAL);
    }

    private static Competency soft(String name) {
        return new Competency(name, SkillType.SOFT);
    }
}
