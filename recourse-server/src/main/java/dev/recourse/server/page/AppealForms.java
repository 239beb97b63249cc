package dev.recourse.server.page;

import dev.recourse.core.appeal.AppealId;
import dev.recourse.store.database.Queries;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.InstantSource;
import javax.sql.DataSource;

/**
 * The appeal forms posted from people's pages, kept by form token in the {@code page_form_post} table so that a form
 * posted twice (a double click, a reload that re-posts, a retry over a bad link) files one appeal: the first post
 * {@link #claim claims} the token; a post that finds it claimed files nothing.
 */
final class AppealForms {
    /** How long a token's record is kept: longer than anyone keeps a page open before sending its form again. */
    static final Duration RETENTION = Duration.ofDays(30);

    private final DataSource dataSource;
    private final InstantSource clock;

    AppealForms(DataSource dataSource, InstantSource clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Claims {@code formToken} for this post: true if no post claimed it before. */
    boolean claim(String formToken) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO page_form_post (form_token, posted_at) VALUES (?, ?)"
                     + " ON CONFLICT DO NOTHING")) {
            s.setString(1, formToken);
            s.setTimestamp(2, Timestamp.from(clock.instant()));
            return s.executeUpdate() == 1;
        }
    }

    /** Records that the post of {@code formToken} filed {@code appeal}. */
    void filed(String formToken, AppealId appeal) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE page_form_post SET appeal_id = ? WHERE form_token = ?")) {
            s.setObject(1, appeal.value());
            s.setString(2, formToken);
            s.executeUpdate();
        }
    }

    /** Forgets the claim of {@code formToken}: its post filed nothing (it was refused), so it may be sent again. */
    void release(String formToken) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM page_form_post WHERE form_token = ? AND appeal_id IS NULL")) {
            s.setString(1, formToken);
            s.executeUpdate();
        }
    }

    /** Deletes the records older than {@link #RETENTION}; returns how many. */
    int purge() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = Queries.prepareForKeys(c, "DELETE FROM page_form_post WHERE posted_at < ?")) {
            s.setTimestamp(1, Timestamp.from(clock.instant().minus(RETENTION)));
            return s.executeUpdate();
        }
    }
}
