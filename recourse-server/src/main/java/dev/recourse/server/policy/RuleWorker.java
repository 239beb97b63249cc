package dev.recourse.server.policy;

import dev.recourse.core.command.Command;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.notice.DetectionId;
import dev.recourse.core.policy.CompiledPolicy;
import dev.recourse.core.policy.ContentEvent;
import dev.recourse.core.policy.Evaluation;
import dev.recourse.core.policy.PolicyBook;
import dev.recourse.core.policy.RuleOutcome;
import dev.recourse.core.policy.Scorer;
import dev.recourse.core.policy.ShadowRecord;
import dev.recourse.core.process.DueProcess;
import dev.recourse.core.process.Result;
import dev.recourse.store.RecourseStore;
import dev.recourse.store.intake.IntakeStep;
import dev.recourse.store.intake.IntakeSteps;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Takes content events, evaluates them against the active policies, and carries out what the rules decided
 * through the core: for each rule that acts, first its detection, then its decision (which the core's safeguards may
 * turn into a proposal); shadow outcomes only go into the shadow report, which the store keeps.
 *
 * <p>Idempotent by the event's id: each step (a rule's detection, its decision) is stored in the transaction of the
 * events it wrote ({@link RecourseStore#stepping}), and a step already stored is not carried out again, so an event
 * processed twice, or again after a stop midway, acts once. Once every step is done the event is noted as processed;
 * a later delivery of it is a duplicate. Steps of one event id are carried out one at a time in this process; two
 * processes MUST NOT take the same event at the same time (Kafka gives a partition, and so a subject's events, to
 * one consumer).
 */
public final class RuleWorker {
    /** How often a command that met a concurrent write to its subject's stream is tried. */
    private static final int ATTEMPTS = 5;
    private static final int LOCK_STRIPES = 64;

    private final DueProcess process;
    private final RecourseStore store;
    private final IntakeSteps steps;
    private final PolicyBook book;
    private final Scorer scorer;
    private final InstantSource clock;
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

    /**
     * A worker carrying out the decisions of {@code book}'s active policies through {@code store}'s core.
     *
     * @param scorer asks the rules' classifiers
     * @param clock the time evaluations are made at
     */
    public RuleWorker(RecourseStore store, PolicyBook book, Scorer scorer, InstantSource clock) {
        this.process = store.dueProcess();
        this.store = store;
        this.steps = store.intakeSteps();
        this.book = book;
        this.scorer = scorer;
        this.clock = clock;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** What came of one content event. */
    public sealed interface Handled {
        /** The event was processed now. */
        record Processed(String eventId, List<Acted> acted, List<Versioned> shadowed, List<Withheld> withheld)
                implements Handled {
            public Processed {
                acted = List.copyOf(acted);
                shadowed = List.copyOf(shadowed);
                withheld = List.copyOf(withheld);
            }
        }

        /** The event was processed before: nothing was done. */
        record Duplicate(String eventId) implements Handled {}
    }

    /** What a rule that acts came to. */
    public enum Effect {
        /** The decision was taken. */
        DECIDED,
        /** The decision waits for people: the rule proposes, a safeguard tripped, or it is of high impact. */
        PROPOSED,
        /** The core refused the decision (e.g. the subject is pinned against the rule after a recall). */
        REFUSED,
        /** An earlier attempt at this event, stopped midway, carried the decision out; its effect is in the case. */
        EARLIER
    }

    /** A rule that acted on the event, and what came of it; {@code problems} say why the core refused it. */
    public record Acted(Versioned rule, Effect effect, List<String> problems) {
        public Acted {
            problems = List.copyOf(problems);
        }
    }

    /** A rule that could not judge the event, and why. */
    public record Withheld(Versioned rule, String reason) {}

    /**
     * The shadow report of {@code rules}: what each matched in shadow mode, as every worker on this database counted
     * it, and its first matches.
     */
    public List<IntakeSteps.ShadowMatches> shadowReport(Collection<Versioned> rules) {
        return steps.shadowReport(rules);
    }

    /** Processes {@code event} unless it was processed before. */
    public Handled handle(ContentEvent event) {
        ReentrantLock lock = locks[Math.floorMod(event.id().hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            if (steps.processed(event.id())) {
                return new Handled.Duplicate(event.id());
            }
            Map<String, Optional<DetectionId>> done = steps.done(event.id());
            List<Acted> acted = new ArrayList<>();
            List<ShadowRecord> shadowed = new ArrayList<>();
            List<Withheld> withheld = new ArrayList<>();
            for (CompiledPolicy policy : book.active()) {
                Evaluation evaluation = policy.evaluate(event, clock.instant(), scorer);
                for (RuleOutcome outcome : evaluation.outcomes()) {
                    switch (outcome) {
                        case RuleOutcome.Act act -> acted.add(act(event.id(), act, done));
                        case RuleOutcome.Shadowed s -> shadowed.add(s.record());
                        case RuleOutcome.Withheld w -> withheld.add(new Withheld(w.rule(), w.reason()));
                    }
                }
            }
            // The shadow matches are counted with the note that the event is processed, so a redelivery counts none.
            steps.finish(event.id(), clock.instant(), shadowed);
            return new Handled.Processed(event.id(), acted, shadowed.stream().map(ShadowRecord::rule).toList(), withheld);
        } finally {
            lock.unlock();
        }
    }

    /** Records the rule's detection, then its decision citing it, each unless an earlier attempt did. */
    private Acted act(String eventId, RuleOutcome.Act act, Map<String, Optional<DetectionId>> done) {
        IntakeStep detectionStep = new IntakeStep(eventId, act.rule() + "/detection");
        IntakeStep decisionStep = new IntakeStep(eventId, act.rule() + "/decision");
        Optional<DetectionId> detection = done.getOrDefault(detectionStep.step(), Optional.empty());
        if (detection.isEmpty()) {
            Result recorded = carryOut(detectionStep, act::detection);
            switch (recorded) {
                case Result.Accepted a -> detection = a.events().stream().map(RecordedEvent::event)
                        .filter(CaseEvent.DetectionRecorded.class::isInstance)
                        .map(e -> ((CaseEvent.DetectionRecorded) e).detection().id()).findFirst();
                case Result.Rejected r -> {
                    return new Acted(act.rule(), Effect.REFUSED, problems(r));
                }
                case Result.Contended c -> throw new IllegalStateException("the case of " + c.stream()
                        + " stayed contended for " + ATTEMPTS + " attempts");
            }
            if (detection.isEmpty()) {
                throw new IllegalStateException("a recorded detection stores a DetectionRecorded event");
            }
        }
        if (done.containsKey(decisionStep.step())) {
            return new Acted(act.rule(), Effect.EARLIER, List.of());
        }
        DetectionId cited = detection.get();
        return switch (carryOut(decisionStep, () -> act.decide(cited))) {
            case Result.Accepted a -> new Acted(act.rule(), a.events().stream().map(RecordedEvent::event)
                    .anyMatch(CaseEvent.DecisionTaken.class::isInstance) ? Effect.DECIDED : Effect.PROPOSED, List.of());
            case Result.Rejected r -> new Acted(act.rule(), Effect.REFUSED, problems(r));
            case Result.Contended c -> throw new IllegalStateException("the case of " + c.stream()
                    + " stayed contended for " + ATTEMPTS + " attempts");
        };
    }

    /** Carries out {@code command} with {@code step} stored in its events' transaction, again while contended. */
    private Result carryOut(IntakeStep step, Supplier<Command> command) {
        Result result = null;
        for (int attempt = 0; attempt < ATTEMPTS && !(result instanceof Result.Accepted || result instanceof Result.Rejected);
                attempt++) {
            result = store.stepping(step, () -> process.handle(command.get()));
        }
        return result;
    }

    private static List<String> problems(Result.Rejected rejected) {
        return rejected.errors().stream().map(e -> e.field() + ": " + e.problem()).collect(Collectors.toList());
    }
}
