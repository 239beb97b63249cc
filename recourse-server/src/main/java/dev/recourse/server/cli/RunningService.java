package dev.recourse.server.cli;

import dev.recourse.server.http.Service;
import dev.recourse.server.page.PageLinks;
import dev.recourse.server.transparency.Publisher;
import dev.recourse.store.RecourseStore;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The service running over its store, as {@code serve} and {@code demo} run it: the store opened (the embedded
 * PostgreSQL unless a database URL is set), the page links' key loaded, the API served. Closing stops the service and
 * then the store, once, whether Ctrl-C (the JVM's shutdown hook, see {@link #untilExit}) or the command asks first:
 * the API answers what it has, the sequencer commits what is queued, the log takes it in, the database stops. The
 * embedded database has no hook of its own that could stop it first (see {@code Database.start}).
 */
final class RunningService implements AutoCloseable {
    private final RecourseStore store;
    private final Service service;
    private final PageLinks links;
    private final Optional<Publisher> publisher;
    private final PrintWriter out;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private RunningService(RecourseStore store, Service service, PageLinks links, Optional<Publisher> publisher, PrintWriter out) {
        this.store = store;
        this.service = service;
        this.links = links;
        this.publisher = publisher;
        this.out = out;
    }

    /** Starts the service of {@code settings}; says where on {@code out}. */
    static RunningService start(ServerSettings settings, InstantSource clock, SecureRandom random, String version, PrintWriter out)
            throws IOException {
        Files.createDirectories(settings.dataDirectory());
        out.println("Recourse: starting in " + settings.dataDirectory().toAbsolutePath().normalize() + " ("
                + settings.databaseUrl().map(url -> "database " + url.replaceAll("\\?.*", "")).orElse("embedded database") + ")");
        out.flush();
        RecourseStore store = RecourseStore.open(settings.store(), settings.breakers(), clock, random);
        try {
            PageLinks links = PageLinks.load(settings.dataDirectory(), settings.publicBase(), random);
            Service service = Service.start(settings.http(), settings.delivery(), links, store, clock, random, version);
            // Statements to the DSA database and daily dumps, when configured; stopped before the service.
            Optional<Publisher> publisher = settings.publishing().any()
                    ? Optional.of(Publisher.start(settings.publishing(), store.dataSource(), clock, line -> {
                        out.println("Recourse: " + line);
                        out.flush();
                    }))
                    : Optional.empty();
            return new RunningService(store, service, links, publisher, out);
        } catch (JavalinBindException e) {
            store.close();
            throw new Failures.Failed("cannot serve on " + settings.http().host() + ":" + settings.http().port() + ": "
                    + e.getMessage() + "; choose another port with --port (0 picks a free one)", e);
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    RecourseStore store() {
        return store;
    }

    Service service() {
        return service;
    }

    PageLinks links() {
        return links;
    }

    /**
     * Runs {@code work} with this service stopped by Ctrl-C as well: the JVM's shutdown hook closes it if the program
     * ends first. Closes it afterwards either way.
     */
    void untilExit(Work work) throws Exception {
        Thread hook = Thread.ofPlatform().name("recourse-shutdown").unstarted(this::close);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            work.run();
        } catch (InterruptedException e) {
            // Being interrupted is how serving is asked to stop; the thread stays marked for its caller.
            Thread.currentThread().interrupt();
        } finally {
            close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already stopping, and the hook has run or runs now: nothing to remove.
            }
        }
    }

    /** What runs while the service does. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    @Override
    public void close() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        publisher.ifPresent(Publisher::close);
        try {
            service.close();
        } finally {
            try {
                store.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.println("Recourse: stopped");
        out.flush();
    }
}
