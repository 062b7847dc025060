package org.roadmapcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.roadmapcoach.app.problem.InvalidInputException;

class LinksTest {

    @Test
    void theBaseIsCoachBaseUrlWhenSetElseTheServeAddress() {
        assertThat(Links.of(null, "127.0.0.1", 7070).me()).isEqualTo("http://127.0.0.1:7070/me");
        assertThat(Links.of(" ", "::1", 8080).me()).isEqualTo("http://[::1]:8080/me");
        assertThat(Links.of("https://coach.example.org/", "127.0.0.1", 7070).pairing("P 5/x"))
                .isEqualTo("https://coach.example.org/pairings/P%205%2Fx");
        assertThat(Links.of("https://coach.example.org", "h", 1).isHttps()).isTrue();
    }

    @Test
    void aBaseThatIsNoHttpAddressIsRefusedNamingTheSetting() {
        for (String bad : new String[] {"coach.example.org", "ftp://x.org", "http://", "http://x.org/?a=1", "%zz"}) {
            assertThatThrownBy(() -> Links.of(bad, "h", 1)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("COACH_BASE_URL");
        }
    }

    @Test
    void aSignInLinkGoesOnlyToAPathOfThisApp() {
        Links links = new Links("http://h:1");

        assertThat(links.signIn("abc", "/pairings/P05")).isEqualTo("http://h:1/signin?link=abc&next=%2Fpairings%2FP05");
        assertThat(Links.isLocalPath("/me")).isTrue();
        for (String away : new String[] {"//evil.example", "/\\evil.example", "https://evil.example", "me", "/a\nb", ""}) {
            assertThat(Links.isLocalPath(away)).as(away).isFalse();
        }
        assertThatThrownBy(() -> links.signIn("abc", "//evil.example")).isInstanceOf(IllegalArgumentException.class);
    }
}
