package dev.recourse.server.cli;

import dev.recourse.server.transparency.DecidedStore;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Tests of commands that read a store holding {@link DecidedStore#withDecisions()}, one store for the whole class. */
abstract class AgainstDecidedStore {
    static DecidedStore decided;

    @BeforeAll
    static void decide(@TempDir Path data) throws IOException {
        decided = new DecidedStore(data).withDecisions();
    }

    @AfterAll
    static void close() throws IOException {
        decided.close();
    }

    /** Runs {@code recourse args...} against the store's database. */
    static Run run(String... args) {
        return Run.of(decided.environment(), commandLine -> { }, decided.arguments(args));
    }
}
