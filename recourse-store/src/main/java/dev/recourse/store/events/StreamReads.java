package dev.recourse.store.events;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Reads of whole streams, many at once: callers on any number of threads queue the streams they want, and a few
 * reader threads each take everything queued (up to a bound) into one query. Under load one round trip then
 * serves dozens of callers, as the sequencer's group commit does for writes; alone, a read costs one query as
 * before. The rows come back undecoded: callers decode them on their own threads.
 */
final class StreamReads implements AutoCloseable {
    /** The streams' events in stream order, always through the stream index (see V240's {@code stream_events}). */
    static final String READ = "SELECT stream_id, position, stream_version, private_record, payload FROM stream_events(?)";
    private static final int MAX_STREAMS = 500;

    /** One stored event of a stream, undecoded: its private record, or its payload once erased. */
    record Row(long position, long version, byte[] form, boolean erased) {}

    private record Request(String stream, CompletableFuture<List<Row>> rows) {}

    private static final Request STOP = new Request("", null);

    private final DataSource dataSource;
    private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private final List<Thread> readers = new ArrayList<>();

    StreamReads(DataSource dataSource, int readers) {
        this.dataSource = dataSource;
        for (int i = 0; i < readers; i++) {
            this.readers.add(Thread.ofPlatform().name("recourse-reader-" + i).daemon().start(this::run));
        }
    }

    /** Queues a read of {@code stream}; completes with its rows in version order, or exceptionally if the query failed. */
    CompletableFuture<List<Row>> read(String stream) {
        CompletableFuture<List<Row>> rows = new CompletableFuture<>();
        queue.add(new Request(stream, rows));
        return rows;
    }

    /** Stops the readers once the reads queued before are done. */
    @Override
    public void close() throws InterruptedException {
        for (int i = 0; i < readers.size(); i++) {
            queue.add(STOP);
        }
        for (Thread reader : readers) {
            reader.join();
        }
    }

    private void run() {
        List<Request> batch = new ArrayList<>();
        while (true) {
            batch.clear();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                // Only close() stops a reader: callers wait for their reads.
                continue;
            }
            queue.drainTo(batch, MAX_STREAMS - 1);
            long stops = batch.stream().filter(request -> request == STOP).count();
            batch.removeIf(request -> request == STOP);
            if (!batch.isEmpty()) {
                serve(batch);
            }
            if (stops > 0) {
                for (long more = stops - 1; more > 0; more--) {
                    queue.add(STOP); // another reader's
                }
                return;
            }
        }
    }

    private void serve(List<Request> batch) {
        Map<String, List<Row>> rows = new HashMap<>();
        for (Request request : batch) {
            rows.put(request.stream(), new ArrayList<>());
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(READ)) {
            query.setArray(1, connection.createArrayOf("text", rows.keySet().toArray(String[]::new)));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    byte[] record = result.getBytes(4);
                    rows.get(result.getString(1)).add(record != null
                            ? new Row(result.getLong(2), result.getLong(3), record, false)
                            : new Row(result.getLong(2), result.getLong(3), result.getBytes(5), true));
                }
            }
        } catch (SQLException | RuntimeException e) {
            batch.forEach(request -> request.rows().completeExceptionally(e));
            return;
        }
        batch.forEach(request -> request.rows().complete(rows.get(request.stream())));
    }
}
