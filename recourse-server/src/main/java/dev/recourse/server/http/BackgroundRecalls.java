package dev.recourse.server.http;

import dev.recourse.core.safeguard.RecallId;
import dev.recourse.store.safeguard.RecallProgress;
import dev.recourse.store.safeguard.RecallView;
import dev.recourse.store.safeguard.Recalls;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out started recalls in the background, one at a time in the order they were handed over, so that
 * {@code POST /v1/recalls} answers at once. A recall that a stop interrupts stays unfinished in the store; the next
 * start takes it up ({@link #resumeUnfinished}), and the core does nothing twice. A run that fails is noted as failed
 * with its reason ({@link RecallProgress#failed}) and taken up again at the next start.
 */
final class BackgroundRecalls implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundRecalls.class);

    private final Recalls recalls;
    private final InstantSource clock;
    private final ExecutorService runs = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("recourse-recall").factory());
    /**
     * The recalls handed over and not finished running here, so that a recall asked for again is not queued twice;
     * guarded by itself.
     */
    private final Set<RecallId> queued = new HashSet<>();
    private volatile boolean stopping;

    /** Runs of {@code recalls}; failures are noted at {@code clock}'s time. */
    BackgroundRecalls(Recalls recalls, InstantSource clock) {
        this.recalls = recalls;
        this.clock = clock;
    }

    /** The recalls this carries out. */
    Recalls recalls() {
        return recalls;
    }

    /**
     * Carries out {@code recall} in the background, unless it is already queued or running here.
     *
     * @param resumed whether this takes up a recall a run before left unfinished
     */
    void carryOut(RecallView recall, boolean resumed) {
        synchronized (queued) {
            if (!queued.add(recall.recall())) {
                return;
            }
        }
        runs.execute(() -> {
            try {
                switch (recalls.carryOut(recall, resumed, (subjects, total, lifted) -> { })) {
                    case Recalls.Outcome.Completed done -> LOG.info("recall {} of {} complete: {} restriction(s) lifted on {}"
                            + " subject(s)", done.recall(), recall.rule(), done.lifted(), done.subjects());
                    case Recalls.Outcome.Elsewhere elsewhere -> LOG.info("recall {} of {} is carried out by another process",
                            elsewhere.recall(), recall.rule());
                    case Recalls.Outcome.NothingStands nothing -> throw new IllegalStateException("a started recall has begun");
                    case Recalls.Outcome.Refused refused -> throw new IllegalStateException("a started recall has begun");
                }
                synchronized (queued) {
                    queued.remove(recall.recall());
                }
            } catch (RuntimeException e) {
                // Noted and let go under one lock: whoever sees the recall failed can hand it over again at once.
                synchronized (queued) {
                    try {
                        if (stopping) {
                            LOG.info("recall {} of {} stopped with the service; the next start takes it up", recall.recall(),
                                    recall.rule(), e);
                        } else {
                            LOG.warn("recall {} of {} failed; the next start takes it up", recall.recall(), recall.rule(), e);
                            recalls.progress().failed(recall.recall(), e.getMessage() != null ? e.getMessage() : e.toString(),
                                    clock.instant());
                        }
                    } finally {
                        queued.remove(recall.recall());
                    }
                }
            }
        });
    }

    /** Hands over every unfinished recall, oldest first: what a stop or a failure interrupted. */
    int resumeUnfinished() {
        int resumed = 0;
        for (RecallProgress.Status status : recalls.progress().unfinished()) {
            carryOut(status.recall(), true);
            resumed++;
        }
        return resumed;
    }

    /** Stops: the recall running is interrupted and stays unfinished, for the next start to take up. */
    @Override
    public void close() {
        stopping = true;
        runs.shutdownNow();
    }
}
