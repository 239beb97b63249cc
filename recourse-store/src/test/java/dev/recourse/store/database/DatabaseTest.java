package dev.recourse.store.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseTest {

    @Test
    void migrationsCreateTheEventTablesAtTheCurrentVersion() throws Exception {
        try (Database database = TestDatabases.fresh()) {
            assertThat(strings(database, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"))
                    .contains("event", "event_head", "flyway_schema_history");
            assertThat(strings(database, "SELECT success::text FROM flyway_schema_history WHERE version IS NOT NULL"))
                    .isNotEmpty().allMatch("true"::equals);
            assertThat(strings(database, "SELECT next_position::text FROM event_head")).containsExactly("0");
        }
    }

    @Test
    void theEmbeddedServerKeepsItsDataBetweenStartsAndStaysDurable(@TempDir Path data) throws Exception {
        try (Database database = Database.start(DatabaseSettings.embedded(data), new SecureRandom())) {
            assertThat(database.isEmbedded()).isTrue();
            assertThat(database.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:");
            execute(database, "CREATE TABLE kept (x int); INSERT INTO kept VALUES (42)");
        }
        try (Database database = Database.start(DatabaseSettings.embedded(data), new SecureRandom())) {
            assertThat(strings(database, "SELECT x::text FROM kept")).containsExactly("42");
            assertThat(strings(database, "SHOW fsync")).containsExactly("on");
            assertThat(strings(database, "SHOW synchronous_commit")).containsExactly("on");
            assertThat(strings(database, "SHOW full_page_writes")).containsExactly("on");
            assertThat(strings(database, "SHOW listen_addresses")).containsExactly("127.0.0.1");
            assertThat(strings(database, "SHOW unix_socket_directories")).containsExactly("");
        }
        assertThat(Files.getPosixFilePermissions(data.resolve("postgres.password")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(data.resolve("postgres").resolve("pg_hba.conf")))
                .doesNotContainPattern("(?m)^host.*trust");
    }

    @Test
    void eventsCannotBeChangedOrDeleted() throws Exception {
        try (Database database = TestDatabases.fresh()) {
            execute(database, "INSERT INTO event (position, stream_id, stream_version, type, occurred_at, payload, public_entry,"
                    + " private_record, salt) VALUES (0, 's', 1, 't', now(), '\\x00', '\\x01', '\\x02', '\\x03')");
            assertThatThrownBy(() -> execute(database, "UPDATE event SET public_entry = '\\x09'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> execute(database, "DELETE FROM event"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> execute(database, "TRUNCATE event"))
                    .hasMessageContaining("append-only");
            execute(database, "UPDATE event SET private_record = NULL, salt = NULL, erased_at = now()");
            assertThat(strings(database, "SELECT count(*)::text FROM event WHERE private_record IS NULL")).containsExactly("1");
        }
    }

    static void execute(Database database, String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static List<String> strings(Database database, String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
