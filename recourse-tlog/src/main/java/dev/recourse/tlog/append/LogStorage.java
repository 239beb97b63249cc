package dev.recourse.tlog.append;

import dev.recourse.tlog.tile.Tile;
import dev.recourse.tlog.tile.TileReader;

import java.io.IOException;

/**
 * Where a log's tiles, entry bundles and checkpoint are kept: the driver behind the
 * {@link Appender}. The appender never touches files or buckets itself.
 *
 * <p>Contract, which every driver MUST keep and the appender relies on for crash safety:
 * <ul>
 *   <li>{@link #stage} data becomes readable no later than {@link #commit} returns; a reader
 *       MUST NOT ever observe a torn tile: each one is absent, or complete.</li>
 *   <li>When {@link #commit} returns, every tile staged before it is durable.</li>
 *   <li>{@link #publish} replaces the checkpoint atomically and durably: after a crash the
 *       checkpoint is the old one or the new one, never a mixture.</li>
 *   <li>Only one appender writes a log at a time; a driver MUST refuse a second one.</li>
 * </ul>
 */
public interface LogStorage extends TileReader, AutoCloseable {
    /** Writes a tile or entry bundle; it MAY stay invisible and volatile until {@link #commit}. */
    void stage(Tile tile, byte[] data) throws IOException;

    /** Makes every staged tile visible and durable. */
    void commit() throws IOException;

    /** Atomically and durably replaces the signed checkpoint. */
    void publish(String signedCheckpoint) throws IOException;

    @Override
    void close() throws IOException;
}
