package dev.recourse.tlog.append;

import dev.recourse.tlog.tile.Tile;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A storage driver that injects faults into a real one: before each operation it asks
 * {@code fault} what to do, so a test can fail, corrupt or crash at a chosen point.
 */
final class FaultyStorage implements LogStorage {
    /** What the storage is about to do: write one tile of a batch, or publish a checkpoint. */
    enum Operation { WRITE, PUBLISH }

    /** What to do instead of, or besides, the operation. */
    sealed interface Fault {
        /** Go ahead. */
        record None() implements Fault {}

        /** Throw an IOException instead. */
        record Fail() implements Fault {}

        /** Write the tile with one bit flipped, as a bad disk or bus would. */
        record FlipBit() implements Fault {}

        /** Stop the process at once, as a power cut or kill -9 would. */
        record Halt() implements Fault {}
    }

    static final Fault NONE = new Fault.None();

    private final LogStorage delegate;
    private final BiFunction<Operation, Tile, Fault> fault;

    FaultyStorage(LogStorage delegate, BiFunction<Operation, Tile, Fault> fault) {
        this.delegate = delegate;
        this.fault = fault;
    }

    @Override
    public void write(Map<Tile, byte[]> tiles) throws IOException {
        Map<Tile, byte[]> written = new LinkedHashMap<>();
        for (Map.Entry<Tile, byte[]> tile : tiles.entrySet()) {
            switch (fault.apply(Operation.WRITE, tile.getKey())) {
                case Fault.None none -> written.put(tile.getKey(), tile.getValue());
                case Fault.Fail fail -> throw new IOException("injected failure writing " + tile.getKey().path());
                case Fault.FlipBit flip -> {
                    byte[] corrupted = tile.getValue().clone();
                    corrupted[corrupted.length / 2] ^= 0x10;
                    written.put(tile.getKey(), corrupted);
                }
                case Fault.Halt halt -> {
                    // Crash part way through the batch: what was handed over so far is on disk, or on its way.
                    delegate.write(written);
                    Runtime.getRuntime().halt(137);
                }
            }
        }
        delegate.write(written);
    }

    @Override
    public void publish(String signedCheckpoint) throws IOException {
        act(Operation.PUBLISH);
        delegate.publish(signedCheckpoint);
    }

    @Override
    public Optional<byte[]> read(Tile tile) throws IOException {
        return delegate.read(tile);
    }

    @Override
    public Optional<String> readCheckpoint() throws IOException {
        return delegate.readCheckpoint();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    private void act(Operation operation) throws IOException {
        switch (fault.apply(operation, null)) {
            case Fault.None none -> { }
            case Fault.Fail fail -> throw new IOException("injected failure at " + operation);
            case Fault.FlipBit flip -> throw new IllegalArgumentException("only a staged tile can have a bit flipped");
            case Fault.Halt halt -> Runtime.getRuntime().halt(137);
        }
    }
}
