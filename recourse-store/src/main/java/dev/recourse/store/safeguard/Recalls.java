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
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Carries out recalls: starts one (or takes up the unfinished one of the same rule version and time, after an
 * interruption), undoes it subject by subject through the core, and completes it. Each subject is one command of the
 * core, which lifts each restriction once however often it is repeated, so a recall run again, or two at once, lift
 * every restriction exactly once.
 */
public final class Recalls {
    private final DueProcess process;
    private final Safeguards safeguards;

    /** Recalls through {@code process}, finding what to undo in {@code safeguards}. */
    public Recalls(DueProcess process, Safeguards safeguards) {
        this.process = process;
        this.safeguards = safeguards;
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
    }

    /** What a recall of {@code rule} in that time would lift now; changes nothing. */
    public List<RecallTarget> dryRun(Versioned rule, Optional<Instant> from, Optional<Instant> to) {
        return safeguards.targets(rule, from, to);
    }

    /**
     * Recalls: lifts every restriction {@code request} covers that still stands, once, telling each owner and pinning
     * each subject.
     *
     * @throws StoreException if the core cannot get a subject's case written for contention, or the store fails; what
     *     was done stays done, and running it again takes it up
     */
    public Outcome run(Request request, Progress progress) {
        Optional<RecallView> unfinished = safeguards.unfinished(request.rule()).stream()
                .filter(r -> r.from().equals(request.from()) && r.to().equals(request.to())).findFirst();
        List<SubjectRef> subjects = safeguards.targets(request.rule(), request.from(), request.to()).stream()
                .map(RecallTarget::subject).distinct().toList();
        RecallId recall;
        if (unfinished.isPresent()) {
            recall = unfinished.get().recall();
        } else if (subjects.isEmpty()) {
            return new Outcome.NothingStands();
        } else {
            Result started = process.handle(new Command.StartRecall(request.rule(), request.from(), request.to(), request.person(),
                    request.reasons(), request.apology()));
            if (started instanceof Result.Rejected rejected) {
                return new Outcome.Refused(rejected.errors());
            }
            recall = stored(started, "start the recall").stream().map(RecordedEvent::event)
                    .filter(RuleEvent.RecallStarted.class::isInstance).map(e -> ((RuleEvent.RecallStarted) e).recall())
                    .findFirst().orElseThrow();
        }
        long done = 0;
        long lifted = 0;
        progress.subjects(0, subjects.size(), 0);
        for (SubjectRef subject : subjects) {
            List<RecordedEvent> events = stored(process.handle(new Command.RecallSubject(subject, request.rule(), recall)),
                    "recall " + subject);
            lifted += events.stream().filter(e -> e.event() instanceof CaseEvent.RestrictionLifted).count();
            progress.subjects(++done, subjects.size(), lifted);
        }
        stored(process.handle(new Command.CompleteRecall(request.rule(), recall)), "complete the recall");
        return new Outcome.Completed(recall, unfinished.isPresent(), done, lifted);
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
