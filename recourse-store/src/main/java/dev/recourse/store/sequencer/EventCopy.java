package dev.recourse.store.sequencer;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
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

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private EventCopy() {}

    static void insert(Connection connection, List<RecordedEvent> events) throws SQLException {
        Buffer buffer = new Buffer(size(events));
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

    /** The bytes {@link #insert} sends for {@code events}, counted first: the buffer then never grows, copying what it holds. */
    private static int size(List<RecordedEvent> events) {
        // The header, the trailer, and per row the field count, nine field lengths, three int64s' bytes.
        long size = HEADER.length + 2L + events.size() * (2L + FIELDS * 4L + 3 * 8L);
        for (RecordedEvent r : events) {
            NewEvent event = r.event();
            // The stream id and type are mostly ASCII; a longer UTF-8 form is rare and the buffer then grows.
            size += r.streamId().length() + event.type().length() + event.payload().length + event.publicEntry().length;
            if (event.privateRecord().isPresent()) {
                size += event.privateRecord().get().content().length + event.privateRecord().get().salt().length;
            }
        }
        return (int) Math.min(size, Integer.MAX_VALUE - 16);
    }

    private static long microsSincePostgresEpoch(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond() - POSTGRES_EPOCH_SECONDS, 1_000_000L),
                instant.getNano() / 1_000);
    }

    /** A growable byte buffer with the binary COPY field encodings; unsynchronised, unlike ByteArrayOutputStream. */
    private static final class Buffer {
        private byte[] bytes;
        private int size;

        Buffer(int capacity) {
            bytes = new byte[Math.max(64, capacity)];
        }

        byte[] bytes() {
            return bytes;
        }

        int size() {
            return size;
        }

        private void room(int more) {
            if (bytes.length - size < more) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        void write(byte[] value, int offset, int length) {
            room(length);
            System.arraycopy(value, offset, bytes, size, length);
            size += length;
        }

        void int16(short value) {
            room(2);
            SHORT.set(bytes, size, value);
            size += 2;
        }

        private void int32(int value) {
            room(4);
            INT.set(bytes, size, value);
            size += 4;
        }

        void int64Field(long value) {
            room(12);
            INT.set(bytes, size, 8);
            LONG.set(bytes, size + 4, value);
            size += 12;
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
