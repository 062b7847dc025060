package org.roadmapcoach.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** House rules for the DRL sources that the compiler does not check. */
class RuleSourceTest {

    static final Path DRL = Path.of("src", "main", "resources", "org", "roadmapcoach", "rules");
    static final Pattern RULE = Pattern.compile("(?s)\\n(//[^\\n]*\\n)*rule \"([A-Z]+-[A-Z-]+): ([^\"]+)\"(.*?)\\nthen\\n");
    static final Pattern NUMBER = Pattern.compile("(?<![\\w.])\\d+(?![\\w.])");
    /** "two or more" is part of RULES.md's wording, 100 turns the policy's hundredths into whole numbers. */
    static final Set<String> ALLOWED_NUMBERS = Set.of("0", "1", "2", "100");

    @Test
    void everyRuleHasACommentOnWhyItMattersAndANameThatIsASentence() throws IOException {
        List<String> problems = new ArrayList<>();
        int rules = 0;
        for (Path file : drlFiles()) {
            String text = Files.readString(file);
            Matcher rule = RULE.matcher(text);
            while (rule.find()) {
                rules++;
                String header = rule.group(0);
                if (!header.substring(0, header.indexOf("rule \"")).contains("// ")) {
                    problems.add(rule.group(2) + ": no comment above the rule");
                }
                if (rule.group(3).split(" ").length < 4) {
                    problems.add(rule.group(2) + ": the name does not state the condition");
                }
            }
        }
        assertThat(rules).isEqualTo(RuleCoverageTest.CATALOG.size());
        assertThat(problems).isEmpty();
    }

    @Test
    void conditionsUseNoLiteralThresholds() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Path file : drlFiles()) {
            Matcher rule = RULE.matcher(Files.readString(file));
            while (rule.find()) {
                String when = rule.group(4).replaceAll("//[^\\n]*", "").replaceAll("\"[^\"]*\"", "\"\"");
                Matcher number = NUMBER.matcher(when);
                while (number.find()) {
                    if (!ALLOWED_NUMBERS.contains(number.group())) {
                        literals.add(rule.group(2) + ": " + number.group());
                    }
                }
            }
        }
        assertThat(literals).as("thresholds must come from the Policy fact").isEmpty();
    }

    @Test
    void noRuleOrdersTheAgenda() throws IOException {
        for (Path file : drlFiles()) {
            assertThat(Files.readString(file)).as(file.toString())
                    .doesNotContain("salience").doesNotContain("agenda-group").doesNotContain("activation-group");
        }
    }

    private static List<Path> drlFiles() throws IOException {
        try (Stream<Path> files = Files.list(DRL)) {
            List<Path> drl = files.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
            assertThat(drl).extracting(p -> p.getFileName().toString()).containsExactly("activities.drl",
                    "checkins.drl", "growth.drl", "milestones.drl", "objectives.drl", "reciprocity.drl", "resources.drl");
            return drl;
        }
    }
}
