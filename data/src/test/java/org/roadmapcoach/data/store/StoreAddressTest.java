package org.roadmapcoach.data.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoreAddressTest {

    @Test
    void aPostgresqlUrlIsADatabaseOnAServerNeverAFileName() {
        StoreAddress address = StoreAddress.parse("postgresql://coach:s3cret@db.example.org:6432/mentoring");

        assertThat(address).isEqualTo(new StoreAddress.Postgres("db.example.org", 6432, "mentoring", "coach",
                "s3cret", null));
        assertThat(((StoreAddress.Postgres) address).jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.org:6432/mentoring");
    }

    @Test
    void thePortDefaultsTo5432AndTheUserAndPasswordMayBeLeftToTheDriver() {
        assertThat(StoreAddress.parse("postgresql://localhost/coach"))
                .isEqualTo(new StoreAddress.Postgres("localhost", 5432, "coach", null, null, null));
        assertThat(StoreAddress.parse("postgres://me@localhost/coach"))
                .isEqualTo(new StoreAddress.Postgres("localhost", 5432, "coach", "me", null, null));
    }

    @Test
    void aPercentEncodedPasswordIsDecodedAndDriverSettingsFollowTheQuestionMark() {
        StoreAddress.Postgres address = (StoreAddress.Postgres) StoreAddress.parse(
                "jdbc:postgresql://coach:p%40ss%2Fw0rd@[::1]:5433/coach?sslmode=require");

        assertThat(address.password()).isEqualTo("p@ss/w0rd");
        assertThat(address.host()).isEqualTo("::1");
        assertThat(address.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/coach?sslmode=require");
    }

    @Test
    void whatIsShownOfAnAddressNeverHoldsItsPassword() {
        StoreAddress address = StoreAddress.parse("postgresql://coach:s3cret@localhost:5432/coach");

        assertThat(address.describe()).isEqualTo("postgresql://coach@localhost:5432/coach");
        assertThat(address.toString()).doesNotContain("s3cret");
    }

    @Test
    void anythingElseIsASqliteFile() {
        assertThat(StoreAddress.parse("coach.db")).isEqualTo(new StoreAddress.SqliteFile(Path.of("coach.db")));
        assertThat(StoreAddress.parse("/var/lib/coach/postgresql.db"))
                .isEqualTo(new StoreAddress.SqliteFile(Path.of("/var/lib/coach/postgresql.db")));
    }

    @Test
    void aMalformedUrlNamesThePartThatIsWrongAndNeverThePassword() {
        assertThatThrownBy(() -> StoreAddress.parse("postgresql://coach:s3cret@:5432/coach"))
                .isInstanceOf(StoreAddressException.class).hasMessageContaining("has no host")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> StoreAddress.parse("postgresql://coach:s3cret@localhost:54x2/coach"))
                .hasMessageContaining("port '54x2' is not a number from 1 to 65535").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> StoreAddress.parse("postgresql://coach:s3cret@localhost:70000/coach"))
                .hasMessageContaining("port '70000'");
        assertThatThrownBy(() -> StoreAddress.parse("postgresql://coach:s3cret@localhost:5432"))
                .hasMessageContaining("has no database name").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> StoreAddress.parse("postgresql://coach:s3cret@localhost:5432/"))
                .hasMessageContaining("has no database name");
        assertThatThrownBy(() -> StoreAddress.parse("postgresql://coach:s3%ZZcret@localhost/coach"))
                .hasMessageContaining("password has a '%' that is not followed by two hexadecimal digits")
                .hasMessageNotContaining("s3");
        assertThatThrownBy(() -> StoreAddress.parse("postgresql:coach"))
                .hasMessageContaining("must start with postgresql://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql://root@localhost/coach", "http://example.org/coach.db", "sqlite://coach.db"})
    void aUrlOfAnotherSchemeIsRefusedNotTakenForAFile(String argument) {
        assertThatThrownBy(() -> StoreAddress.parse(argument)).isInstanceOf(StoreAddressException.class)
                .hasMessageContaining("is not a database this program can use");
    }

    @Test
    void anEmptyArgumentIsRefused() {
        assertThatThrownBy(() -> StoreAddress.parse(" ")).isInstanceOf(StoreAddressException.class)
                .hasMessageContaining("give a SQLite file or a PostgreSQL URL");
    }
}
