package org.roadmapcoach.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small valid cohort with every column of every file of CSV.md filled somewhere, quoted commas,
 * quotes and multi-line values included. Tests write it, or a variant with one file changed, to a
 * folder.
 */
public final class CohortFixture {

    public static final String PEOPLE = """
            id,name,role,email,title,department,strengths,gaps,ambitions,capacity_hours_per_month,max_mentees
            E1,Ada Lovelace,mentee,ada@example.org,Engineer,Platform,SQL; Java,Public Speaking;;Stakeholder Management,Lead a platform team,,
            M1,Grace Hopper,Mentor,grace@example.org,Principal Engineer,Platform,leadership;public speaking,,Grow more mentors,6,2
            E2,Alan Turing,mentee,,,,,sql,,,
            M2,"Hopper, Grace Jr.",mentor,,,,,,,4,1
            C1,Carol Coordinator,coordinator,carol@example.org,Program Lead,People,,,,,
            """;

    public static final String PAIRINGS = """
            id,mentee_id,mentor_id,start_date,end_date,cadence_days,status,agreement_roles,agreement_boundaries,agreement_cadence,agreement_success_metrics,reciprocity_plan
            P1,E1,M1,2026-01-05,2026-07-05,21,active,Ada drives the agenda,No calls after 6pm,Every three weeks,Leads a design review by June,Ada shares platform updates
            P2,E2,M2,2026-02-01,,,PAUSED,,,,,
            """;

    public static final String OBJECTIVES = """
            id,pairing_id,title,description,competency,skill_type,metric,baseline,target,current,unit,due_date,evidence_plan,status,last_reviewed
            O1,P1,Lead a design review for the billing service,"Prepare, run and follow up",Stakeholder Management,soft,stakeholder satisfaction,2,4.5,3.25,score,2026-06-30,Survey after the review,active,2026-03-01
            O2,P2,Make the slowest report ten times faster,,sql,Technical,query time,-1.50,0.1,12,seconds,,,achieved,
            """;

    public static final String MILESTONES = """
            id,objective_id,stage,title,due_date,status,last_progress,completed_on,reflection
            MS1,O1,discovery,Shadow two reviews,2026-02-15,done,2026-02-14,2026-02-14,"Learned to ask ""why"" first"
            MS2,O1,Practice,Run a mock review,2026-04-01,in_progress,2026-03-10,,
            MS3,O2,mastery,,,,,,
            """;

    public static final String CHECKINS = """
            id,pairing_id,date,type,status,minutes,feedback_to_mentee,feedback_to_mentor,notes
            CI1,P1,2026-01-06,kickoff,held,60,Great start,Clear goals,"Agenda:
            1. goals, and
            2. cadence"
            CI2,P1,2026-01-27,,missed,,,,
            CI3,P2,2026-02-02,review,cancelled,30,,,
            """;

    public static final String RECIPROCITY = """
            id,pairing_id,date,giver,kind,hours,description
            R1,P1,2026-02-01,mentee,insight,1.5,Shared platform metrics
            R2,P1,2026-02-10,MENTOR,,2,
            """;

    public static final String ACTIVITIES = """
            id,pairing_id,date,kind,title,hours,outcome
            A1,P1,2026-02-03,assignment,Own the billing on-call,12.25,Ran two incidents
            A2,P2,2026-02-05,side_project,,,
            """;

    public static final String RESOURCES = """
            id,title,type,competencies,level,stages,hours,url,cost
            RS1,"Crucial Conversations, 3rd edition",reading,stakeholder management; Communication,intro,discovery;Practice,8,https://example.org/cc,25.00
            RS2,SQL Performance Explained,course,sql,advanced,,,,
            """;

    public static final String ENGAGEMENTS = """
            pairing_id,resource_id,status,date,takeaway
            P1,RS1,completed,2026-03-01,"Listen, then ""state my path""\"
            P2,RS2,,,
            """;

    private CohortFixture() {
    }

    /** The nine files by name, in CSV.md's order. */
    public static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("people.csv", PEOPLE);
        files.put("pairings.csv", PAIRINGS);
        files.put("objectives.csv", OBJECTIVES);
        files.put("milestones.csv", MILESTONES);
        files.put("checkins.csv", CHECKINS);
        files.put("reciprocity.csv", RECIPROCITY);
        files.put("activities.csv", ACTIVITIES);
        files.put("resources.csv", RESOURCES);
        files.put("engagements.csv", ENGAGEMENTS);
        return files;
    }

    /**
     * A cohort of {@code pairings} pairings P001, P002, ... listed in reverse id order, each with two
     * objectives (listed b before a), a milestone per objective, a check-in, a reciprocity entry, an
     * activity and an engagement with the one resource.
     */
    public static Map<String, String> generated(int pairings) {
        StringBuilder people = new StringBuilder("id,name,role\n");
        StringBuilder pairingRows = new StringBuilder("id,mentee_id,mentor_id,start_date\n");
        StringBuilder objectives = new StringBuilder("id,pairing_id,title\n");
        StringBuilder milestones = new StringBuilder("id,objective_id,stage\n");
        StringBuilder checkins = new StringBuilder("id,pairing_id,date\n");
        StringBuilder reciprocity = new StringBuilder("id,pairing_id,date,giver,hours\n");
        StringBuilder activities = new StringBuilder("id,pairing_id,date,kind\n");
        StringBuilder engagements = new StringBuilder("pairing_id,resource_id\n");
        for (int i = pairings; i >= 1; i--) {
            String n = String.format("%03d", i);
            people.append("E").append(n).append(",Mentee ").append(n).append(",mentee\n");
            people.append("M").append(n).append(",Mentor ").append(n).append(",mentor\n");
            pairingRows.append("P").append(n).append(",E").append(n).append(",M").append(n).append(",2026-01-05\n");
            for (String suffix : new String[] {"b", "a"}) {
                String objective = "O" + n + suffix;
                objectives.append(objective).append(",P").append(n).append(",Ship the thing number ").append(n)
                        .append(" well\n");
                milestones.append("MS").append(n).append(suffix).append(',').append(objective).append(",practice\n");
            }
            checkins.append("CI").append(n).append(",P").append(n).append(",2026-01-06\n");
            reciprocity.append("R").append(n).append(",P").append(n).append(",2026-01-07,mentee,1.5\n");
            activities.append("A").append(n).append(",P").append(n).append(",2026-01-08,practice\n");
            engagements.append('P').append(n).append(",RS1\n");
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put("people.csv", people.toString());
        files.put("pairings.csv", pairingRows.toString());
        files.put("objectives.csv", objectives.toString());
        files.put("milestones.csv", milestones.toString());
        files.put("checkins.csv", checkins.toString());
        files.put("reciprocity.csv", reciprocity.toString());
        files.put("activities.csv", activities.toString());
        files.put("resources.csv", "id,title,type,competencies\nRS1,Team Topologies,reading,architecture\n");
        files.put("engagements.csv", engagements.toString());
        return files;
    }

    /** Writes all nine files into {@code dir}. */
    public static Path write(Path dir) {
        return write(dir, files());
    }

    /** Writes the given files (name to content, UTF-8) into {@code dir}, created when missing. */
    public static Path write(Path dir, Map<String, String> files) {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one file into {@code dir} and returns its path. */
    public static Path writeFile(Path dir, String name, String content) {
        write(dir, Map.of(name, content));
        return dir.resolve(name);
    }
}
