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
import java.util.Arrays;

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
    private byte[] bytes = new byte[0];
    /** Where entry i of the bundle starts (after its length prefix): {@code starts[i]}; it ends at {@code starts[i + 1] - 2}. */
    private final int[] starts = new int[Tile.WIDTH + 1];

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
            index(tile, bytes);
            this.bytes = bytes;
            bundle = index;
        }
        int i = (int) (position - index * Tile.WIDTH);
        return Arrays.copyOfRange(bytes, starts[i], starts[i + 1] - 2);
    }

    /**
     * Finds where each entry of a full bundle starts, copying none: a decision is one event in nine, so copying only
     * the decisions' entries saves most of the work {@link Tile.Entries#decode} would do. The same checks as it.
     */
    private void index(Tile.Entries tile, byte[] bundle) throws IOException {
        int at = 0;
        for (int i = 0; i < Tile.WIDTH; i++) {
            if (bundle.length - at < 2) {
                throw new IOException(tile.path() + ": entry " + i + " of " + Tile.WIDTH + " is missing or truncated");
            }
            int length = (bundle[at] & 0xff) << 8 | (bundle[at + 1] & 0xff);
            starts[i] = at + 2;
            at += 2 + length;
        }
        if (at != bundle.length) {
            throw new IOException(tile.path() + ": holds " + bundle.length + " bytes, its 256 entries " + at);
        }
        starts[Tile.WIDTH] = at + 2;
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
