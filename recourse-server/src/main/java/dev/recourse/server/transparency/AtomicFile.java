package dev.recourse.server.transparency;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A file that appears whole or not at all: written to a temporary file beside its target, forced to the disk, then
 * renamed over the target in one step. Closing without {@link #commit()} deletes the temporary file, so a failed or
 * interrupted run leaves nothing behind (and an earlier file at the target untouched).
 */
public final class AtomicFile implements Closeable {
    private static final int BUFFER = 1 << 20;

    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final OutputStream out;
    private boolean done;

    private AtomicFile(Path target, Path temporary, FileChannel channel) {
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
        this.out = new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), BUFFER);
    }

    /** Starts writing {@code target}, whose directory MUST exist. */
    public static AtomicFile create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".partial");
        if (Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) {
            // What is written here is published: readable by all, as a file made the ordinary way would be.
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
        }
        try {
            return new AtomicFile(absolute, temporary, FileChannel.open(temporary, StandardOpenOption.WRITE));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** Where to write the content; buffered. */
    public OutputStream stream() {
        return out;
    }

    /** Makes the content the target's: flushed, forced to the disk, renamed into place. */
    public void commit() throws IOException {
        out.flush();
        channel.force(true);
        channel.close();
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        done = true;
    }

    /** Deletes the temporary file unless {@link #commit()} made it the target. */
    @Override
    public void close() throws IOException {
        if (!done) {
            done = true;
            try {
                channel.close();
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
    }
}
