package dev.recourse.store.safeguard;

import dev.recourse.core.FieldError;
import dev.recourse.core.command.Command;
import dev.recourse.core.decider.Person;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.event.RuleEvent;
import dev.recourse.core.process.DueProcess;
import dev.recourse.core.process.Result;
import dev.recourse.core.safeguard.RecallId;
import dev.recourse.core.subject.SubjectRef;
import dev.recourse.store.StoreException;
import dev.recourse.store.events.PostgresEventStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Carries out recalls: starts one (or takes up the unfinished one of the same rule version and time, after an
 * interruption), undoes it subject by subject through the core, and completes it. Each subject is one command of the
 * core, which lifts each restriction once however often it is repeated, so a recall run again, or two at once, lift
 * every restriction exactly once. A recall can be started ({@link #begin}) and carried out ({@link #carryOut}) apart:
 * the service answers once it started and carries it out in the background; the command line does both
 * ({@link #run}).
 */
public final class Recalls {
    private final DueProcess process;
    private final Safeguards safeguards;
    private final RecallProgress progress;
    private final PostgresEventStore events;

    /**
     * Recalls through {@code process}, finding what to undo in {@code safeguards}, keeping how far each is in
     * {@code progress}, written beside the events of {@code events}.
     */
    public Recalls(DueProcess process, Safeguards safeguards, RecallProgress progress, PostgresEventStore events) {
        this.process = process;
        this.safeguards = safeguards;
        this.progress = progress;
        this.events = events;
    }

    /**
     * What a person asks to recall.
     *
     * @param rule the rule version
     * @param from the start of the time its decisions are recalled from (inclusive); open when absent
     * @param to the end of that time (exclusive); open when absent
     * @param person who recalls
     * @param reasons why, as each affected person is told
     * @param apology the apology each affected person is given
     */
    public record Request(Versioned rule, Optional<Instant> from, Optional<Instant> to, Person person, String reasons, String apology) {}

    /** Told after each subject. */
    @FunctionalInterface
    public interface Progress {
        /** {@code done} of {@code total} subjects are taken care of; {@code lifted} restrictions lifted so far in this run. */
        void subjects(long done, long total, long lifted);
    }

    /** How a recall went. */
    public sealed interface Outcome {
        /** Nothing of the rule version in that time stands, and no recall of it is unfinished: nothing was started. */
        record NothingStands() implements Outcome {}

        /** The core refused to start the recall, naming the fields. */
        record Refused(List<FieldError> errors) implements Outcome {}

        /**
         * The recall is complete.
         *
         * @param resumed whether it took up an unfinished recall
         * @param subjects subjects taken care of in this run
         * @param lifted restrictions lifted in this run
         */
        record Completed(RecallId recall, boolean resumed, long subjects, long lifted) implements Outcome {}

        /** Another process (a node of the service, or a {@code recourse recall}) is carrying the recall out now. */
        record Elsewhere(RecallId recall) implements Outcome {}
    }

    /** How far recalls are. */
    public RecallProgress progress() {
        return progress;
    }

    /** What a recall of {@code rule} in that time would lift now; changes nothing. */
    public List<RecallTarget> dryRun(Versioned rule, Optional<Instant> from, Optional<Instant> to) {
        return safeguards.targets(rule, from, to);
    }

    /** The unfinished recall of {@code rule} in exactly that time, if there is one: a new request takes it up. */
    public Optional<RecallView> unfinished(Versioned rule, Optional<Instant> from, Optional<Instant> to) {
        return safeguards.unfinished(rule).stream().filter(r -> r.from().equals(from) && r.to().equals(to)).findFirst();
    }

    /**
     * Starts the recall {@code request} asks for ({@code RecallStarted}), keeping in the same transaction that
     * {@code toReverse} restrictions stand to be lifted; the core's result, with the event if it accepted.
     */
    public Result begin(Request request, long toReverse) {
        return events.alongside((connection, stored) -> RecallProgress.started(connection, stored, toReverse),
                () -> process.handle(new Command.StartRecall(request.rule(), request.from(), request.to(), request.person(),
                        request.reasons(), request.apology())));
    }

    /** The recall {@code begin} started among {@code stored}. */
    public static RecallId started(List<RecordedEvent> stored) {
        return stored.stream().map(RecordedEvent::event).filter(RuleEvent.RecallStarted.class::isInstance)
                .map(e -> ((RuleEvent.RecallStarted) e).recall()).findFirst()
                .orElseThrow(() -> new IllegalStateException("a started recall stores a RecallStarted event"));
    }

    /**
     * Recalls: lifts every restriction {@code request} covers that still stands, once, telling each owner and pinning
     * each subject.
     *
     * @throws StoreException if the core cannot get a subject's case written for contention, or the store fails; what
     *     was done stays done, and running it again takes it up
     */
    public Outcome run(Request request, Progress progress) {
        Optional<RecallView> unfinished = unfinished(request.rule(), request.from(), request.to());
        if (unfinished.isPresent()) {
            return carryOut(unfinished.get(), true, progress);
        }
        List<RecallTarget> targets = dryRun(request.rule(), request.from(), request.to());
        if (targets.isEmpty()) {
            return new Outcome.NothingStands();
        }
        Result started = begin(request, targets.size());
        if (started instanceof Result.Rejected rejected) {
            return new Outcome.Refused(rejected.errors());
        }
        RecallId recall = started(stored(started, "start the recall"));
        return carryOut(safeguards.recall(recall).orElseThrow(), false, progress);
    }

    /**
     * Carries out the started {@code recall}: each subject whose restrictions it covers, then its completion. What a
     * run before did is not done again. One process at a time carries out a recall: while another does, this does
     * nothing and answers {@link Outcome.Elsewhere}.
     *
     * @return {@link Outcome.Completed}, or {@link Outcome.Elsewhere}
     * @param resumed whether this takes up a recall a run before left unfinished
     * @throws StoreException if the core cannot get a subject's case written for contention, or the store fails; what
     *     was done stays done, and carrying it out again takes it up
     */
    public Outcome carryOut(RecallView recall, boolean resumed, Progress progress) {
        return this.progress.<Outcome>alone(recall.recall(), () -> carryOutHere(recall, resumed, progress))
                .orElseGet(() -> new Outcome.Elsewhere(recall.recall()));
    }

    private Outcome.Completed carryOutHere(RecallView recall, boolean resumed, Progress progress) {
        if (resumed) {
            this.progress.resumed(recall.recall());
        }
        List<SubjectRef> subjects = safeguards.targets(recall.rule(), recall.from(), recall.to()).stream()
                .map(RecallTarget::subject).distinct().toList();
        long done = 0;
        long lifted = 0;
        progress.subjects(0, subjects.size(), 0);
        for (SubjectRef subject : subjects) {
            List<RecordedEvent> events = stored(process.handle(new Command.RecallSubject(subject, recall.rule(), recall.recall())),
                    "recall " + subject);
            lifted += events.stream().filter(e -> e.event() instanceof CaseEvent.RestrictionLifted).count();
            progress.subjects(++done, subjects.size(), lifted);
        }
        stored(process.handle(new Command.CompleteRecall(recall.rule(), recall.recall())), "complete the recall");
        return new Outcome.Completed(recall.recall(), resumed, done, lifted);
    }

    private static List<RecordedEvent> stored(Result result, String what) {
        return switch (result) {
            case Result.Accepted accepted -> accepted.events();
            case Result.Rejected rejected -> throw new IllegalStateException("the core refused to " + what + ": " + rejected.errors());
            case Result.Contended contended -> throw new StoreException("could not " + what + " for writes to " + contended.stream()
                    + " at the same time; run the recall again to take it up", null);
        };
    }
}
