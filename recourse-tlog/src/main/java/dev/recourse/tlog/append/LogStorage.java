package dev.recourse.tlog.append;

import dev.recourse.tlog.tile.Tile;
import dev.recourse.tlog.tile.TileReader;

import java.io.IOException;
import java.util.Map;

/**
 * Where a log's tiles, entry bundles and checkpoint are kept: the driver behind the
 * {@link Appender}. The appender never touches files or buckets itself.
 *
 * <p>Contract, which every driver MUST keep and the appender relies on for crash safety:
 * <ul>
 *   <li>When {@link #write} returns, every tile it was given is durable and readable; a reader
 *       MUST NOT ever observe a torn tile: each one is absent, or complete.</li>
 *   <li>{@link #publish} replaces the checkpoint atomically and durably: after a crash the
 *       checkpoint is the old one or the new one, never a mixture.</li>
 *   <li>Only one appender writes a log at a time; a driver MUST refuse a second one.</li>
 * </ul>
 */
public interface LogStorage extends TileReader, AutoCloseable {
    /**
     * Writes a batch of tiles and entry bundles, replacing any stored under the same paths, and
     * returns when all of them are durable. A batch is not atomic: after a crash some of it may
     * be stored, which the appender tolerates because no checkpoint covers it yet.
     */
    void write(Map<Tile, byte[]> tiles) throws IOException;

    /** Atomically and durably replaces the signed checkpoint. */
    void publish(String signedCheckpoint) throws IOException;

    @Override
    void close() throws IOException;
}
