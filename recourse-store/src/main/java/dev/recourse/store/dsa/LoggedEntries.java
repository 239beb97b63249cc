package dev.recourse.store.dsa;

import dev.recourse.tlog.note.Checkpoint;
import dev.recourse.tlog.note.Note;
import dev.recourse.tlog.tile.Tile;
import dev.recourse.tlog.tile.TileReader;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The public entries of one part of an export, by log index (= event position): from the log's full entry bundles,
 * read one after the other, and from the database for what no full bundle holds yet.
 *
 * <p>A full bundle never changes once written, so it is read without regard to a running server; the partial bundle at
 * the log's end is replaced as the log grows, and the integrator lags the database by up to a second, so those last
 * entries (under 256 plus the lag) are read from the database, in the export's snapshot, rather than waited for: the
 * export needs no running server, and the integrator appends exactly the event's {@code public_entry}, so the bytes
 * are the same either way. One instance per thread.
 */
final class LoggedEntries {
    private static final String ENTRY = "SELECT public_entry FROM event WHERE position = ?";

    private final TileReader log;
    private final long logged;
    private long bundle = -1;
    private List<byte[]> entries = List.of();

    /** Reads from {@code log}, whose full bundles hold the entries below {@code logged}. */
    LoggedEntries(TileReader log, long logged) {
        this.log = log;
        this.logged = logged;
    }

    /**
     * How many entries the full bundles of {@code log} hold: its checkpoint's size rounded down to a bundle, 0 if it
     * has no checkpoint yet. The checkpoint's signature is not checked here: the files are the store's own.
     */
    static long inFullBundles(TileReader log) throws IOException {
        var text = log.readCheckpoint();
        if (text.isEmpty()) {
            return 0;
        }
        long size = Checkpoint.parse(Note.parse(text.get()).orElseThrow().body()).orElseThrow().size().value();
        return size / Tile.WIDTH * Tile.WIDTH;
    }

    /** The public entry at {@code position}, from the log if a full bundle holds it, else from {@code database}. */
    byte[] entry(long position, Connection database) throws IOException, SQLException {
        if (position >= logged) {
            return fromDatabase(position, database);
        }
        long index = position / Tile.WIDTH;
        if (index != bundle) {
            Tile.Entries tile = new Tile.Entries(index, Tile.WIDTH);
            byte[] bytes = log.read(tile).orElseThrow(() -> new IOException(
                    "the log " + log + " has no " + tile.path() + " though its checkpoint covers it"));
            entries = tile.decode(bytes).orElseThrow();
            bundle = index;
        }
        return entries.get((int) (position - index * Tile.WIDTH));
    }

    private static byte[] fromDatabase(long position, Connection database) throws SQLException {
        try (PreparedStatement s = database.prepareStatement(ENTRY)) {
            s.setLong(1, position);
            try (ResultSet rows = s.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("no event at position " + position);
                }
                return rows.getBytes(1);
            }
        }
    }
}
