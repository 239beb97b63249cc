package dev.recourse.tlog.append;

import dev.recourse.tlog.tile.DirectoryTiles;
import dev.recourse.tlog.tile.Tile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * A log on a POSIX file system, laid out exactly as it is served: {@code checkpoint} and
 * {@code tile/...} under one directory, so any static web server can publish it.
 *
 * <p>{@link #write} writes each tile of a batch to {@code .staging/} and flushes it with fsync,
 * on many threads at once (the file system merges concurrent flushes into few journal commits),
 * then renames them into place and flushes their directories. A crash leaves at worst files in
 * {@code .staging/}, which opening the storage again removes. A lock on {@code .lock}
 * keeps a second appender out.
 */
public final class DirectoryStorage implements LogStorage {
    private static final String STAGING = ".staging";
    private static final String CHECKPOINT = "checkpoint";
    private static final int FLUSH_THREADS = 16;

    private final Path root;
    private final Path staging;
    private final DirectoryTiles reader;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ExecutorService flushers;
    private long stagedCount;

    private record Staged(Path temporary, Path target, byte[] data) {}

    private DirectoryStorage(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.staging = root.resolve(STAGING);
        this.reader = new DirectoryTiles(root);
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.flushers = Executors.newFixedThreadPool(FLUSH_THREADS, Thread.ofPlatform().daemon().name("log-fsync-", 0).factory());
    }

    /**
     * Opens the log in {@code directory} for appending, creating the directory if needed, and
     * removes what a crash left half-written.
     *
     * @throws IOException if another appender holds the log, or the directory cannot be used
     */
    public static DirectoryStorage open(Path directory) throws IOException {
        Path root = directory.toAbsolutePath().normalize();
        Files.createDirectories(root);
        FileChannel lockChannel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            // This JVM holds the lock already: another appender here has the log open.
            lock = null;
        } catch (IOException | RuntimeException e) {
            lockChannel.close();
            throw e;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IOException("another appender holds the log in " + root);
        }
        DirectoryStorage storage = new DirectoryStorage(root, lockChannel, lock);
        try {
            storage.clearStaging();
        } catch (IOException | RuntimeException e) {
            storage.close();
            throw e;
        }
        return storage;
    }

    /** The directory the log lives in. */
    public Path directory() {
        return root;
    }

    @Override
    public Optional<byte[]> read(Tile tile) throws IOException {
        return reader.read(tile);
    }

    @Override
    public Optional<String> readCheckpoint() throws IOException {
        return reader.readCheckpoint();
    }

    @Override
    public void write(Map<Tile, byte[]> tiles) throws IOException {
        if (tiles.isEmpty()) {
            return;
        }
        List<Staged> staged = new ArrayList<>(tiles.size());
        for (Map.Entry<Tile, byte[]> tile : tiles.entrySet()) {
            staged.add(new Staged(staging.resolve(Long.toString(stagedCount++)), root.resolve(tile.getKey().path()), tile.getValue()));
        }
        inParallel(staged, s -> writeDurably(s.temporary(), s.data()));
        Set<Path> directories = new LinkedHashSet<>();
        for (Staged s : staged) {
            Path parent = s.target().getParent();
            if (!Files.isDirectory(parent)) {
                createDirectories(parent, directories);
            }
            Files.move(s.temporary(), s.target(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            directories.add(parent);
        }
        inParallel(List.copyOf(directories), DirectoryStorage::flush);
    }

    @Override
    public void publish(String signedCheckpoint) throws IOException {
        Path temporary = staging.resolve(CHECKPOINT);
        writeDurably(temporary, signedCheckpoint.getBytes(StandardCharsets.UTF_8));
        Files.move(temporary, root.resolve(CHECKPOINT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        flush(root);
    }

    @Override
    public void close() throws IOException {
        flushers.shutdownNow();
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }

    private void clearStaging() throws IOException {
        if (Files.isDirectory(staging)) {
            try (Stream<Path> leftovers = Files.list(staging)) {
                for (Path leftover : (Iterable<Path>) leftovers::iterator) {
                    Files.delete(leftover);
                }
            }
        }
        Files.createDirectories(staging);
        flush(staging);
    }

    /** Creates {@code directory} and its missing parents, noting each parent whose entries changed. */
    private void createDirectories(Path directory, Set<Path> changed) throws IOException {
        Path parent = directory.getParent();
        if (!Files.isDirectory(parent)) {
            createDirectories(parent, changed);
        }
        try {
            Files.createDirectory(directory);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(directory)) {
                throw e;
            }
        }
        changed.add(parent);
    }

    /** Writes a new file and flushes it to disk before returning. */
    private static void writeDurably(Path path, byte[] data) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** fsync a file or directory. */
    private static void flush(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private interface Action<T> {
        void apply(T item) throws IOException;
    }

    /** Applies {@code action} to every item on the flush threads; fails if any failed. */
    private <T> void inParallel(List<T> items, Action<T> action) throws IOException {
        if (items.size() == 1) {
            action.apply(items.getFirst());
            return;
        }
        List<Future<?>> pending = new ArrayList<>(items.size());
        for (T item : items) {
            pending.add(flushers.submit(() -> {
                action.apply(item);
                return null;
            }));
        }
        IOException failure = null;
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (ExecutionException e) {
                IOException cause = e.getCause() instanceof IOException io ? io
                        : new IOException("flushing the log failed", e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while flushing the log", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
