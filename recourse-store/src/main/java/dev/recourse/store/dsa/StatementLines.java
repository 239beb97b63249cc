package dev.recourse.store.dsa;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Writes statements of reasons as JSON lines: each statement the DSA Transparency Database's JSON object (schema v2)
 * on one line, ending in {@code \n}, as {@link DsaStatements} reads them, bytes unchanged.
 */
public final class StatementLines implements DsaStatements.Sink {
    /** How many statements pass between two progress reports. */
    public static final int REPORT_EVERY = 4_096;

    private final OutputStream out;
    private final LongConsumer progress;
    private long lines;
    private long bytes;

    /**
     * @param out where the lines go; buffered by the caller
     * @param progress told the number of lines written so far, now and then
     */
    public StatementLines(OutputStream out, LongConsumer progress) {
        this.out = Objects.requireNonNull(out);
        this.progress = Objects.requireNonNull(progress);
    }

    @Override
    public void statement(long position, byte[] entry, int start, int end) throws IOException {
        out.write(entry, start, end - start);
        out.write('\n');
        bytes += end - start + 1;
        if (++lines % REPORT_EVERY == 0) {
            progress.accept(lines);
        }
    }

    /** Lines written. */
    public long lines() {
        return lines;
    }

    /** Bytes written. */
    public long bytes() {
        return bytes;
    }
}
