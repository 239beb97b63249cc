package dev.recourse.store.dsa;

import dev.recourse.tlog.note.Checkpoint;
import dev.recourse.tlog.note.Note;
import dev.recourse.tlog.tile.Tile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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

    private final Path log;
    private final long logged;
    private long bundle = -1;
    /** The current bundle, in a buffer used again for each bundle: the log is nine times the decisions' bytes. */
    private byte[] bytes = new byte[256 * 1024];
    /** Where entry i of the bundle starts (after its length prefix): {@code starts[i]}; it ends at {@code starts[i + 1] - 2}. */
    private final int[] starts = new int[Tile.WIDTH + 1];

    /** Reads from {@code log}, whose full bundles hold the entries below {@code logged}. */
    LoggedEntries(Path log, long logged) {
        this.log = log;
        this.logged = logged;
    }

    /**
     * How many entries the full bundles of {@code log} hold: its checkpoint's size rounded down to a bundle, 0 if it
     * has no checkpoint yet. The checkpoint's signature is not checked here: the files are the store's own.
     */
    static long inFullBundles(Path log) throws IOException {
        Path checkpoint = log.resolve("checkpoint");
        if (!Files.exists(checkpoint)) {
            return 0;
        }
        long size = Checkpoint.parse(Note.parse(Files.readString(checkpoint)).orElseThrow().body()).orElseThrow().size().value();
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
            int length = read(log.resolve(tile.path()));
            index(tile, length);
            bundle = index;
        }
        int i = (int) (position - index * Tile.WIDTH);
        return Arrays.copyOfRange(bytes, starts[i], starts[i + 1] - 2);
    }

    /**
     * Finds where each entry of a full bundle starts, copying none: a decision is one event in nine, so copying only
     * the decisions' entries saves most of the work {@link Tile.Entries#decode} would do. The same checks as it.
     */
    private void index(Tile.Entries tile, int length) throws IOException {
        byte[] bundle = bytes;
        int at = 0;
        for (int i = 0; i < Tile.WIDTH; i++) {
            if (length - at < 2) {
                throw new IOException(tile.path() + ": entry " + i + " of " + Tile.WIDTH + " is missing or truncated");
            }
            starts[i] = at + 2;
            at += 2 + ((bundle[at] & 0xff) << 8 | (bundle[at + 1] & 0xff));
        }
        if (at != length) {
            throw new IOException(tile.path() + ": holds " + length + " bytes, its 256 entries " + at);
        }
        starts[Tile.WIDTH] = at + 2;
    }

    /** Reads the file into {@link #bytes}, growing it if needed; its length. */
    private int read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            long size = channel.size();
            if (size > Tile.WIDTH * (2L + Tile.Entries.MAX_ENTRY_BYTES)) {
                throw new IOException(file + " is " + size + " bytes, more than a bundle can hold");
            }
            if (bytes.length < size) {
                bytes = new byte[(int) size];
            }
            ByteBuffer into = ByteBuffer.wrap(bytes, 0, (int) size);
            while (into.hasRemaining()) {
                if (channel.read(into) < 0) {
                    throw new IOException(file + " ended while read");
                }
            }
            return (int) size;
        } catch (NoSuchFileException e) {
            throw new IOException("the log has no " + file + " though its checkpoint covers it", e);
        }
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
