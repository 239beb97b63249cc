package dev.recourse.tlog.append;

import java.io.IOException;

/**
 * The log's stored state contradicts what it has published, or what it is about to sign would:
 * a corrupted tile, a checkpoint signed by another key, or a tree inconsistent with the last
 * checkpoint. The appender refuses to go on; an operator has to look.
 */
public final class LogIntegrityException extends IOException {
    /** The log is not in a state the appender may sign: {@code reason} says why. */
    public LogIntegrityException(String reason) {
        super(reason);
    }

    /** The log is not in a state the appender may sign, found through {@code cause}. */
    public LogIntegrityException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
