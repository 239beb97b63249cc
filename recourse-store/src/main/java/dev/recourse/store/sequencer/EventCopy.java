package dev.recourse.store.sequencer;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Inserts a batch of events with one {@code COPY ... FROM STDIN (FORMAT binary)}: the cheapest way
 * into PostgreSQL, for client and server alike.
 */
final class EventCopy {
    private static final String COPY = "COPY event (position, stream_id, stream_version, type, occurred_at, payload,"
            + " public_entry, private_record, salt) FROM STDIN (FORMAT binary)";
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final short FIELDS = 9;
    /** Seconds from the Unix epoch to PostgreSQL's, 2000-01-01T00:00:00Z. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

    private EventCopy() {}

    static void insert(Connection connection, List<RecordedEvent> events) throws SQLException {
        Buffer buffer = new Buffer(events.size() * 1024);
        buffer.write(HEADER, 0, HEADER.length);
        for (RecordedEvent r : events) {
            NewEvent event = r.event();
            buffer.int16(FIELDS);
            buffer.int64Field(r.position());
            buffer.bytesField(r.streamId().getBytes(StandardCharsets.UTF_8));
            buffer.int64Field(r.streamVersion());
            buffer.bytesField(event.type().getBytes(StandardCharsets.UTF_8));
            buffer.int64Field(microsSincePostgresEpoch(event.occurredAt()));
            buffer.bytesField(event.payload());
            buffer.bytesField(event.publicEntry());
            buffer.bytesField(event.privateRecord().map(PrivateRecord::content).orElse(null));
            buffer.bytesField(event.privateRecord().map(PrivateRecord::salt).orElse(null));
        }
        buffer.int16((short) -1);
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
        try {
            copy.writeToCopy(buffer.bytes(), 0, buffer.size());
            long rows = copy.endCopy();
            if (rows != events.size()) {
                throw new SQLException("COPY stored " + rows + " events of " + events.size());
            }
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static long microsSincePostgresEpoch(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond() - POSTGRES_EPOCH_SECONDS, 1_000_000L),
                instant.getNano() / 1_000);
    }

    /** A growable byte buffer with the binary COPY field encodings. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer(int size) {
            super(size);
        }

        byte[] bytes() {
            return buf;
        }

        void int16(short value) {
            write(value >>> 8);
            write(value);
        }

        void int32(int value) {
            write(value >>> 24);
            write(value >>> 16);
            write(value >>> 8);
            write(value);
        }

        void int64Field(long value) {
            int32(8);
            int32((int) (value >>> 32));
            int32((int) value);
        }

        void bytesField(byte[] value) {
            if (value == null) {
                int32(-1);
                return;
            }
            int32(value.length);
            write(value, 0, value.length);
        }
    }
}
