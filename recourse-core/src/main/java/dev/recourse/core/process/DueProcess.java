package dev.recourse.core.process;

import dev.recourse.core.FieldError;
import dev.recourse.core.Validation;
import dev.recourse.core.appeal.Appeal;
import dev.recourse.core.appeal.AppealId;
import dev.recourse.core.appeal.AppealOutcome;
import dev.recourse.core.appeal.Appellant;
import dev.recourse.core.authority.AuthorityRequestId;
import dev.recourse.core.command.Command;
import dev.recourse.core.command.Command.*;
import dev.recourse.core.decider.Deciders;
import dev.recourse.core.decider.Person;
import dev.recourse.core.decision.CaseId;
import dev.recourse.core.decision.Decision;
import dev.recourse.core.decision.DecisionId;
import dev.recourse.core.decision.Outcome;
import dev.recourse.core.decision.PlannedRestriction;
import dev.recourse.core.decision.Reasons;
import dev.recourse.core.decision.Restriction;
import dev.recourse.core.decision.RestrictionId;
import dev.recourse.core.event.AccountEvent;
import dev.recourse.core.event.AuthorityEvent;
import dev.recourse.core.event.CaseEvent.*;
import dev.recourse.core.event.LiftCause;
import dev.recourse.core.event.NotifierEvent;
import dev.recourse.core.event.PolicyEvent;
import dev.recourse.core.event.RuleEvent;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.safeguard.BreakerSettings;
import dev.recourse.core.safeguard.Breakers;
import dev.recourse.core.safeguard.CircuitBreakers;
import dev.recourse.core.safeguard.RecallId;
import dev.recourse.core.safeguard.TripFigures;
import dev.recourse.core.event.Recipient;
import dev.recourse.core.event.StreamId;
import dev.recourse.core.event.Topic;
import dev.recourse.core.notice.Detection;
import dev.recourse.core.notice.DetectionId;
import dev.recourse.core.notice.Notice;
import dev.recourse.core.notice.NoticeId;
import dev.recourse.core.notice.NoticeSource;
import dev.recourse.core.notice.NotifierId;
import dev.recourse.core.port.EventStore;
import dev.recourse.core.statement.StatementOfReasons;
import dev.recourse.core.strike.StrikeId;
import dev.recourse.core.subject.Subject;
import dev.recourse.core.subject.SubjectKind;
import dev.recourse.core.subject.SubjectRef;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The decision pipeline. {@link #handle} checks a command against the current state (folded from the event store),
 * decides, and appends the resulting events to every stream concerned in one all-or-nothing append; if anything is
 * wrong it changes nothing and names the fields.
 *
 * <p>What it guarantees, whatever the commands: no restriction is applied without a complete statement of reasons
 * recorded in the same append; every decision names its deciders and its source; appeals are open for the configured
 * window (at least six months), decided by a person who took no part, with reasons, and a reversal restores the
 * subject and informs the affected person and every notifier; high-impact actions need two different people and
 * automation only proposes them; authority requests name the body and the law, are linked to the decisions they
 * caused, and are disclosed unless a hold delays it until the hold's end; a rule version whose circuit breaker tripped
 * only proposes until a person resets it, and the trip is recorded with its figures; a recall lifts each standing
 * restriction of the rule version once, tells the owner why with an apology, and keeps the subject from that rule
 * version.
 *
 * <p>Not thread-safe by itself; concurrent callers are safe because appends check stream versions.
 */
public final class DueProcess {
    private static final int ATTEMPTS = 3;

    private final EventStore store;
    private final InstantSource clock;
    private final RandomGenerator random;
    private final Settings settings;
    private final CircuitBreakers breakers;

    /**
     * A pipeline on {@code store}, with time from {@code clock} and ids from {@code random}, and circuit breakers with
     * the {@linkplain BreakerSettings#defaults() default settings} that learn from this pipeline alone.
     */
    public DueProcess(EventStore store, InstantSource clock, RandomGenerator random, Settings settings) {
        this(store, clock, random, settings, new Breakers(BreakerSettings.defaults()));
    }

    /**
     * A pipeline whose rules' actions trip {@code breakers}: every pipeline of a process MUST share one, so that it
     * counts all their actions ({@link Breakers} counts in this process's memory; a store's breakers may count the
     * actions of every process).
     */
    public DueProcess(EventStore store, InstantSource clock, RandomGenerator random, Settings settings, CircuitBreakers breakers) {
        this.store = store;
        this.clock = clock;
        this.random = random;
        this.settings = settings;
        this.breakers = breakers;
    }

    /** Checks and carries out one command. */
    public Result handle(Command command) {
        StreamId contended = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Attempt a = new Attempt(new Workspace(store), clock.instant());
            List<FieldError> errors = a.decide(command);
            if (!errors.isEmpty()) {
                return new Result.Rejected(errors);
            }
            List<EventStore.StreamAppend> batch = a.ws.batch();
            if (batch.isEmpty()) {
                return new Result.Accepted(List.of()); // done before, e.g. a recall on a subject it already undid
            }
            switch (store.append(batch)) {
                case EventStore.Appended.Stored stored -> {
                    a.learned.forEach(Runnable::run);
                    return new Result.Accepted(stored.events());
                }
                case EventStore.Appended.Conflict conflict -> contended = conflict.stream();
            }
        }
        return new Result.Contended(contended);
    }

    /** One attempt at one command, at one instant. */
    private final class Attempt {
        final Workspace ws;
        final Instant now;
        final List<FieldError> errors = new ArrayList<>();
        /** What the breakers learn once this attempt is stored, and only then. */
        final List<Runnable> learned = new ArrayList<>();

        Attempt(Workspace ws, Instant now) {
            this.ws = ws;
            this.now = now;
        }

        List<FieldError> decide(Command command) {
            switch (command) {
                case SubmitNotice c -> submitNotice(c);
                case RegisterAuthorityRequest c -> registerAuthorityRequest(c);
                case RecordDetection c -> recordDetection(c);
                case DescribeSubject c -> intake(c.subject());
                case Decide c -> decideCase(c);
                case ApproveProposal c -> approve(c);
                case DeclineProposal c -> decline(c);
                case FileAppeal c -> fileAppeal(c);
                case DecideAppeal c -> decideAppeal(c);
                case ReverseDecision c -> reverseDecision(c);
                case FindNoticeUnfounded c -> findUnfounded(c);
                case ExpireRestriction c -> expireRestriction(c);
                case ExpireLegalHold c -> expireLegalHold(c);
                case ExpireStrike c -> expireStrike(c);
                case ResumeNoticeProcessing c -> resume(c);
                case RecordPolicyVersion c -> recordPolicyVersion(c);
                case ResetBreaker c -> resetBreaker(c);
                case StartRecall c -> startRecall(c);
                case RecallSubject c -> recallSubject(c);
                case CompleteRecall c -> completeRecall(c);
            }
            return errors;
        }

        // ---- intake ---------------------------------------------------------------------------------------------

        private void submitNotice(SubmitNotice c) {
            requireText("explanation", c.explanation());
            NotifierId notifier = switch (c.source()) {
                case NoticeSource.User u -> u.notifier();
                case NoticeSource.TrustedFlagger t -> t.notifier();
                case NoticeSource.FromAuthority ignored -> {
                    error("source", "authorities' orders and requests are registered with RegisterAuthorityRequest");
                    yield null;
                }
            };
            if (notifier != null) {
                RecordStates.NotifierRecord record = RecordStates.NotifierRecord.fold(ws.history(StreamId.of(notifier)));
                record.suspendedUntil.filter(now::isBefore).ifPresent(until -> error("source",
                        "the processing of this notifier's notices is suspended until " + until + " (DSA Art. 23(2))"));
            }
            if (!errors.isEmpty()) {
                return;
            }
            receive(c.subject(), new Notice(NoticeId.next(random), c.source(), c.contact(), c.explanation(), now,
                    Optional.of(c.location()), Optional.of(c.goodFaith())));
        }

        private void registerAuthorityRequest(RegisterAuthorityRequest c) {
            requireText("explanation", c.explanation());
            c.legalHold().ifPresent(hold -> {
                if (!hold.until().isAfter(now)) {
                    error("legalHold.until", "a legal hold ends in the future, not at " + hold.until());
                }
                requireText("legalHold.reason", hold.reason());
            });
            if (!errors.isEmpty()) {
                return;
            }
            AuthorityRequestId request = AuthorityRequestId.next(random);
            Notice notice = new Notice(NoticeId.next(random),
                    new NoticeSource.FromAuthority(request, c.kind(), c.authority(), c.legalBasis()), c.contact(), c.explanation(), now,
                    Optional.empty(), Optional.empty());
            CaseId id = receive(c.subject(), notice);
            ws.emit(StreamId.of(request), new AuthorityEvent.AuthorityRequestRegistered(request, c.kind(), c.authority(),
                    c.legalBasis(), id, notice.id(), c.legalHold(), now));
            if (c.legalHold().isEmpty()) {
                ws.emit(StreamId.of(request), new AuthorityEvent.AuthorityRequestDisclosed(request, c.kind(), c.authority(),
                        c.legalBasis(), id, List.of(), now));
            }
        }

        private void recordDetection(RecordDetection c) {
            CaseId id = intake(c.subject());
            emitCase(c.subject().ref(), new DetectionRecorded(id, new Detection(DetectionId.next(random), c.signal(), now), now));
        }

        /** Records a notice in its case and confirms receipt to the sender (DSA Art. 16(4)); returns the case id. */
        private CaseId receive(Subject subject, Notice notice) {
            CaseId id = intake(subject);
            emitCase(subject.ref(), new NoticeReceived(id, notice, now));
            emitCase(subject.ref(), new PersonInformed(id, sender(notice), Topic.NOTICE_RECEIVED, Optional.empty(), Optional.empty(), now));
            return id;
        }

        /** Opens the case if there is none and records the subject's description if it changed; returns the case id. */
        private CaseId intake(Subject subject) {
            CaseState state = caseOf(subject.ref());
            CaseId id = state.exists() ? state.id : CaseId.next(random);
            if (!state.exists()) {
                emitCase(subject.ref(), new CaseOpened(id, subject.ref(), now));
            }
            if (!subject.equals(state.subject)) {
                emitCase(subject.ref(), new SubjectDescribed(id, subject, now));
            }
            return id;
        }

        // ---- decisions ------------------------------------------------------------------------------------------

        private void decideCase(Decide c) {
            CaseState state = existingCase(c.subject());
            if (state == null) {
                return;
            }
            c.notices().stream().filter(n -> !state.notices.containsKey(n)).findFirst()
                    .ifPresent(n -> error("notices", "notice " + n + " is not in this case"));
            c.detections().stream().filter(d -> !state.detections.containsKey(d)).findFirst()
                    .ifPresent(d -> error("detections", "detection " + d + " is not in this case"));
            Deciders deciders = switch (c.decidedBy()) {
                case DecidedBy.Rule r -> Deciders.automated(r.rule());
                case DecidedBy.Moderator m -> Deciders.person(m.person());
            };
            if (c.decidedBy() instanceof DecidedBy.Rule r && state.pinned.containsKey(r.rule().rule())) {
                if (errors.isEmpty()) {
                    ws.emit(StreamId.of(r.rule().rule()), new RuleEvent.PinnedDecisionRefused(r.rule().rule(), state.id,
                            state.pinned.get(r.rule().rule()), now));
                }
                return;
            }
            DecisionId id = DecisionId.next(random);
            switch (c.plan()) {
                case Plan.TakeNoAction p -> {
                    requireText("plan.reasons", p.reasons());
                    if (c.notices().isEmpty()) {
                        error("notices", "a decision to take no action answers at least one notice");
                    }
                    if (errors.isEmpty()) {
                        take(state, new Decision(id, now, c.notices(), c.detections(), new Outcome.NoAction(p.reasons(), deciders)), Optional.empty());
                    }
                }
                case Plan.Restrict p -> {
                    List<Restriction> restrictions = restrictions(p.restrictions());
                    Optional<StatementOfReasons> statement = statement(state, id, restrictions, p.reasons(), deciders, c.notices(), c.detections());
                    if (!errors.isEmpty()) {
                        return;
                    }
                    boolean highImpact = isHighImpact(state.subject, p.restrictions());
                    boolean proposeOnly = c.decidedBy() instanceof DecidedBy.Rule r && r.mode() == Mode.PROPOSE;
                    Optional<String> held = !highImpact && c.decidedBy() instanceof DecidedBy.Rule r && r.mode() == Mode.ENFORCE
                            ? breaker(state, r.rule().rule()) : Optional.empty();
                    if (highImpact || proposeOnly || held.isPresent()) {
                        String why = highImpact
                                ? "high-impact: an account- or page-level action on a protected or high-reach subject needs two different people"
                                : held.orElse("the rule only proposes");
                        emitCase(state, new DecisionProposed(state.id, id, c.notices(), c.detections(), p.restrictions(), p.reasons(),
                                deciders, why, now));
                    } else {
                        take(state, new Decision(id, now, c.notices(), c.detections(), new Outcome.Restrict(restrictions, statement.orElseThrow())),
                                Optional.empty());
                    }
                }
            }
        }

        /**
         * Why {@code rule}'s enforcing action on the case is held for review: its breaker is tripped, or this action
         * trips it (recorded here with the figures); empty when it may act, and then the breakers learn of the action once
         * it is stored.
         */
        private Optional<String> breaker(CaseState state, Versioned rule) {
            RecordStates.Rule record = RecordStates.Rule.fold(ws.history(StreamId.of(rule)));
            if (record.tripped.isPresent()) {
                return Optional.of("the circuit breaker of " + rule + " tripped at " + record.tripped.get().at()
                        + "; its actions wait for a person until someone resets it");
            }
            Optional<TripFigures> trip = breakers.assess(rule, state.subject, now);
            if (trip.isPresent()) {
                ws.emit(StreamId.of(rule), new RuleEvent.BreakerTripped(rule, trip.get(), now));
                return Optional.of("this action tripped the circuit breaker of " + rule + " (" + trip.get().cause().name().toLowerCase(
                        java.util.Locale.ROOT) + "); its actions wait for a person until someone resets it");
            }
            Subject subject = state.subject;
            learned.add(() -> breakers.record(rule, subject, now));
            return Optional.empty();
        }

        private void approve(ApproveProposal c) {
            CaseState state = existingCase(c.subject());
            DecisionProposed proposal = state == null ? null : state.proposals.get(c.proposal());
            if (state != null && proposal == null) {
                error("proposal", "no open proposal " + c.proposal() + " in this case");
            }
            if (proposal == null) {
                return;
            }
            Deciders sofar = state.proposalDeciders.get(c.proposal());
            if (sofar.includes(c.approver())) {
                error("approver", c.approver().pseudonym() + " already took part in this decision; another person approves");
                return;
            }
            Deciders deciders = sofar.with(c.approver());
            emitCase(state, new ProposalApproved(state.id, c.proposal(), c.approver(), now));
            int needed = isHighImpact(state.subject, proposal.restrictions()) ? 2 : 1;
            if (deciders.people().size() < needed) {
                return;
            }
            List<Restriction> restrictions = restrictions(proposal.restrictions());
            Optional<StatementOfReasons> statement = statement(state, c.proposal(), restrictions, proposal.reasons(), deciders,
                    proposal.notices(), proposal.detections());
            statement.ifPresent(s -> take(state, new Decision(c.proposal(), now, proposal.notices(), proposal.detections(),
                    new Outcome.Restrict(restrictions, s)), Optional.empty()));
        }

        private void decline(DeclineProposal c) {
            CaseState state = existingCase(c.subject());
            if (state != null && !state.proposals.containsKey(c.proposal())) {
                error("proposal", "no open proposal " + c.proposal() + " in this case");
            }
            requireText("reasons", c.reasons());
            if (errors.isEmpty()) {
                emitCase(state, new ProposalDeclined(state.id, c.proposal(), c.person(), c.reasons(), now));
            }
        }

        /** Records a decision with its effects: restrictions, notices to people, strikes, authority links. */
        private void take(CaseState state, Decision decision, Optional<AppealId> replacing) {
            emitCase(state, new DecisionTaken(state.id, decision, replacing, now));
            for (Restriction r : decision.outcome().restrictions()) {
                emitCase(state, new RestrictionApplied(state.id, decision.id(), state.subject.ref(), r, now));
            }
            Topic topic = replacing.isPresent() ? Topic.APPEAL_OUTCOME : Topic.DECISION;
            if (decision.outcome() instanceof Outcome.Restrict restrict) {
                inform(state, new Recipient.Owner(state.subject.owner()), topic, decision.id(), replacing);
                StrikeId strike = StrikeId.next(random);
                ws.emit(StreamId.of(state.subject.owner()), new AccountEvent.StrikeRecorded(state.subject.owner(), strike, state.id,
                        decision.id(), restrict.statement().dsa().category().orElseThrow().dsaValue(),
                        now.plus(settings.strikeLifetime()), now));
            }
            for (NoticeId n : decision.notices()) {
                Notice notice = state.notices.get(n);
                inform(state, sender(notice), topic, decision.id(), replacing);
                if (notice.source() instanceof NoticeSource.FromAuthority a) {
                    RecordStates.Request request = request(a.request());
                    ws.emit(StreamId.of(a.request()), new AuthorityEvent.AuthorityActionLinked(a.request(), state.id, decision.id(),
                            decision.outcome().restrictions().stream().map(Restriction::id).toList(), request.activeHold().isPresent(), now));
                }
            }
        }

        private Optional<StatementOfReasons> statement(CaseState state, DecisionId id, List<Restriction> restrictions, Reasons reasons,
                Deciders deciders, Set<NoticeId> notices, Set<DetectionId> detections) {
            if (restrictions.isEmpty()) {
                error("restrictions", "a restrictive decision has at least one restriction");
            }
            restrictions.stream().filter(r -> r.endsAt().filter(end -> !end.isAfter(now)).isPresent()).findFirst()
                    .ifPresent(r -> error("restrictions", "a restriction ends after it begins, not at " + r.endsAt().orElseThrow()));
            List<NoticeSource> sources = notices.stream().map(state.notices::get).filter(java.util.Objects::nonNull).map(Notice::source).toList();
            Validation<StatementOfReasons> statement = Composer.compose(settings, state.subject, id, now, restrictions, reasons, deciders,
                    sources, !detections.isEmpty(), r -> request(r).activeHold().isPresent());
            errors.addAll(statement.errors());
            return statement instanceof Validation.Valid<StatementOfReasons> v ? Optional.of(v.value()) : Optional.empty();
        }

        private List<Restriction> restrictions(List<PlannedRestriction> planned) {
            return planned.stream().map(p -> new Restriction(RestrictionId.next(random), p.measure(), p.scope(), p.endsAt())).toList();
        }

        private boolean isHighImpact(Subject subject, List<PlannedRestriction> restrictions) {
            boolean accountLevel = subject.ref().kind() != SubjectKind.CONTENT
                    || restrictions.stream().anyMatch(r -> r.measure().isAccountLevel());
            return accountLevel && subject.isSensitive(settings.reachThreshold());
        }

        // ---- appeals --------------------------------------------------------------------------------------------

        private void fileAppeal(FileAppeal c) {
            CaseState state = existingCase(c.subject());
            if (state == null) {
                return;
            }
            Optional<Decision> decision = state.decision(c.decision());
            requireText("grounds", c.grounds());
            if (decision.isEmpty()) {
                error("decision", "no decision " + c.decision() + " in this case");
                return;
            }
            Instant deadline = settings.appealDeadline(decision.get().decidedAt());
            if (now.isAfter(deadline)) {
                error("decision", "the time to appeal this decision ended at " + deadline);
            }
            if (state.overturned.contains(c.decision())) {
                error("decision", "this decision was already reversed or replaced on appeal");
            }
            if (state.hasPendingAppeal(c.decision())) {
                error("decision", "an appeal of this decision is pending");
            }
            switch (c.appellant()) {
                case Appellant.AffectedPerson p -> {
                    if (!p.account().equals(state.subject.owner())) {
                        error("appellant", "only the subject's owner appeals as the affected person");
                    }
                }
                case Appellant.Notifier n -> {
                    if (!decision.get().notices().contains(n.notice())) {
                        error("appellant", "notice " + n.notice() + " is not one the decision answered");
                    }
                }
            }
            if (errors.isEmpty()) {
                Appeal appeal = new Appeal(AppealId.next(random), c.decision(), c.appellant(), c.grounds(), now);
                emitCase(state, new AppealFiled(state.id, appeal, now));
                inform(state, appellant(state, c.appellant()), Topic.APPEAL_RECEIVED, c.decision(), Optional.of(appeal.id()));
            }
        }

        private void decideAppeal(DecideAppeal c) {
            CaseState state = existingCase(c.subject());
            if (state == null) {
                return;
            }
            if (!state.isPending(c.appeal())) {
                error("appeal", "no pending appeal " + c.appeal() + " in this case");
                return;
            }
            Appeal appeal = state.appeals.get(c.appeal()).appeal();
            Decision decision = state.decision(appeal.decision()).orElseThrow();
            List<Person> participants = state.participants(decision.id());
            if (participants.stream().anyMatch(c.reviewer()::isSamePersonAs)) {
                error("reviewer", c.reviewer().pseudonym() + " took part in this decision or an earlier appeal of it; another person reviews");
            }
            requireText("outcome.reasons", c.outcome().reasons());
            List<Person> all = new ArrayList<>(List.of(c.reviewer()));
            for (Person approver : c.approvers()) {
                if (all.stream().anyMatch(approver::isSamePersonAs) || participants.stream().anyMatch(approver::isSamePersonAs)) {
                    error("approvers", approver.pseudonym() + " is the reviewer, is named twice, or took part in the decision");
                }
                all.add(approver);
            }
            if (!errors.isEmpty()) {
                return;
            }
            LiftCause cause = switch (c.outcome()) {
                case AppealOutcome.Upheld ignored -> null;
                case AppealOutcome.Reversed ignored -> new LiftCause.Reversed(c.appeal());
                case AppealOutcome.Modified ignored -> new LiftCause.Replaced(c.appeal());
            };
            if (cause instanceof LiftCause.Reversed && decision.outcome() instanceof Outcome.NoAction) {
                error("outcome", "a decision to take no action is upheld or modified, not reversed");
                return;
            }
            Optional<Decision> replacement = Optional.empty();
            if (c.outcome() instanceof AppealOutcome.Modified m) {
                replacement = replacement(state, decision, m, c);
                if (replacement.isEmpty()) {
                    return;
                }
            }
            emitCase(state, new AppealDecided(state.id, c.appeal(), decision.id(), c.reviewer(), c.outcome(), now));
            if (cause == null) {
                inform(state, appellant(state, appeal.appellant()), Topic.APPEAL_OUTCOME, decision.id(), Optional.of(c.appeal()));
                return;
            }
            for (RestrictionApplied r : state.standingOf(decision.id())) {
                emitCase(state, new RestrictionLifted(state.id, decision.id(), r.subject(), r.restriction().id(), cause, now));
            }
            RecordStates.Strikes strikes = RecordStates.Strikes.fold(ws.history(StreamId.of(state.subject.owner())));
            strikes.active.values().stream().filter(s -> s.decision().equals(decision.id())).forEach(s -> ws.emit(
                    StreamId.of(state.subject.owner()), new AccountEvent.StrikeWithdrawn(s.account(), s.strike(), c.appeal(), now)));
            if (replacement.isPresent()) {
                take(state, replacement.get(), Optional.of(c.appeal()));
                return;
            }
            // Reversed (DSA Art. 20(4)): restore, and tell the affected person and everyone whose notice it answered.
            inform(state, new Recipient.Owner(state.subject.owner()), Topic.RESTORED, decision.id(), Optional.of(c.appeal()));
            for (NoticeId n : decision.notices()) {
                inform(state, sender(state.notices.get(n)), Topic.APPEAL_OUTCOME, decision.id(), Optional.of(c.appeal()));
            }
        }

        private void reverseDecision(ReverseDecision c) {
            CaseState state = existingCase(c.subject());
            if (state == null) {
                return;
            }
            requireText("reasons", c.reasons());
            if (c.person().role() != dev.recourse.core.decider.Role.SENIOR_MODERATOR
                    && c.person().role() != dev.recourse.core.decider.Role.ADMINISTRATOR) {
                error("person", "only a senior moderator or an administrator reverses a decision outside an appeal, not a "
                        + c.person().role());
            }
            Optional<Decision> decision = state.decision(c.decision());
            if (decision.isEmpty()) {
                error("decision", "no decision " + c.decision() + " in this case");
                return;
            }
            if (state.overturned.contains(c.decision())) {
                error("decision", "this decision was already reversed or replaced on appeal");
                return;
            }
            List<RestrictionApplied> standing = state.standingOf(c.decision());
            if (standing.isEmpty()) {
                error("decision", "no restriction of this decision stands: it took no action, or its restrictions were"
                        + " already lifted, expired, recalled or reversed");
            }
            if (!errors.isEmpty()) {
                return;
            }
            LiftCause cause = new LiftCause.Corrected(c.person(), c.reasons());
            for (RestrictionApplied r : standing) {
                emitCase(state, new RestrictionLifted(state.id, c.decision(), r.subject(), r.restriction().id(), cause, now));
            }
            StreamId account = StreamId.of(state.subject.owner());
            RecordStates.Strikes.fold(ws.history(account)).active.values().stream().filter(s -> s.decision().equals(c.decision()))
                    .forEach(s -> ws.emit(account, new AccountEvent.StrikeCorrected(s.account(), s.strike(), c.decision(), c.person(), now)));
            inform(state, new Recipient.Owner(state.subject.owner()), Topic.CORRECTED, c.decision(), Optional.empty());
            for (NoticeId n : decision.get().notices()) {
                inform(state, sender(state.notices.get(n)), Topic.CORRECTED, c.decision(), Optional.empty());
            }
        }

        private Optional<Decision> replacement(CaseState state, Decision old, AppealOutcome.Modified m, DecideAppeal c) {
            Deciders deciders = new Deciders(Optional.empty(), Optional.of(c.reviewer()), c.approvers());
            if (isHighImpact(state.subject, m.restrictions()) && deciders.people().size() < 2) {
                error("approvers", "the modified decision is high-impact and needs a second person to approve it");
            }
            DecisionId id = DecisionId.next(random);
            List<Restriction> restrictions = restrictions(m.restrictions());
            Optional<StatementOfReasons> statement = statement(state, id, restrictions, m.statement(), deciders, old.notices(), old.detections());
            if (!errors.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Decision(id, now, old.notices(), old.detections(), new Outcome.Restrict(restrictions, statement.orElseThrow())));
        }

        // ---- misuse ---------------------------------------------------------------------------------------------

        private void findUnfounded(FindNoticeUnfounded c) {
            CaseState state = existingCase(c.subject());
            if (state == null) {
                return;
            }
            requireText("reasons", c.reasons());
            Notice notice = state.notices.get(c.notice());
            if (notice == null) {
                error("notice", "no notice " + c.notice() + " in this case");
                return;
            }
            NotifierId notifier = switch (notice.source()) {
                case NoticeSource.User u -> u.notifier();
                case NoticeSource.TrustedFlagger t -> t.notifier();
                case NoticeSource.FromAuthority ignored -> null;
            };
            if (notifier == null) {
                error("notice", "authorities' requests are not assessed for misuse");
                return;
            }
            StreamId stream = StreamId.of(notifier);
            if (RecordStates.NotifierRecord.fold(ws.history(stream)).assessed.contains(c.notice())) {
                error("notice", "this notice was already found manifestly unfounded");
            }
            if (!errors.isEmpty()) {
                return;
            }
            ws.emit(stream, new NotifierEvent.NoticeFoundUnfounded(notifier, state.id, c.notice(), c.assessor(), c.reasons(), now));
            RecordStates.NotifierRecord record = RecordStates.NotifierRecord.fold(ws.history(stream));
            if (record.isSuspendedAt(now)) {
                return;
            }
            long recent = record.unfounded.stream().filter(t -> !t.isBefore(now.minus(settings.misuseWindow()))).count();
            String why = recent + " notices found manifestly unfounded within " + settings.misuseWindow().toDays() + " days";
            if (!record.warned && recent >= settings.warnAfter()) {
                ws.emit(stream, new NotifierEvent.NotifierWarned(notifier, why, now));
            } else if (record.warned && recent >= settings.suspendAfter()) {
                ws.emit(stream, new NotifierEvent.NoticeProcessingSuspended(notifier, now.plus(settings.suspension()), why, now));
            }
        }

        // ---- the clock ------------------------------------------------------------------------------------------

        private void expireRestriction(ExpireRestriction c) {
            CaseState state = existingCase(c.subject());
            if (state == null) {
                return;
            }
            RestrictionApplied applied = state.standing.get(c.restriction());
            if (applied == null) {
                error("restriction", "no restriction " + c.restriction() + " in force in this case");
                return;
            }
            Optional<Instant> end = applied.restriction().endsAt();
            if (end.isEmpty() || now.isBefore(end.get())) {
                error("restriction", end.map(e -> "it ends at " + e).orElse("it has no end date"));
                return;
            }
            emitCase(state, new RestrictionLifted(state.id, applied.decision(), applied.subject(), c.restriction(), new LiftCause.Expired(), now));
            inform(state, new Recipient.Owner(state.subject.owner()), Topic.RESTORED, applied.decision(), Optional.empty());
        }

        private void expireLegalHold(ExpireLegalHold c) {
            RecordStates.Request request = request(c.request());
            if (request.registered == null) {
                error("request", "no authority request " + c.request());
                return;
            }
            Optional<Instant> until = request.activeHold().map(h -> h.until());
            if (until.isEmpty() || now.isBefore(until.get())) {
                error("request", until.map(u -> "its hold ends at " + u).orElse("it is not on hold"));
                return;
            }
            AuthorityEvent.AuthorityRequestRegistered r = request.registered;
            ws.emit(StreamId.of(c.request()), new AuthorityEvent.LegalHoldExpired(c.request(), now));
            ws.emit(StreamId.of(c.request()), new AuthorityEvent.AuthorityRequestDisclosed(c.request(), r.kind(), r.authority(),
                    r.legalBasis(), r.caseId(), request.decisions, now));
        }

        private void expireStrike(ExpireStrike c) {
            RecordStates.Strikes strikes = RecordStates.Strikes.fold(ws.history(StreamId.of(c.account())));
            AccountEvent.StrikeRecorded strike = strikes.active.get(c.strike());
            if (strike == null || now.isBefore(strike.expires())) {
                error("strike", strike == null ? "no active strike " + c.strike() : "it expires at " + strike.expires());
                return;
            }
            ws.emit(StreamId.of(c.account()), new AccountEvent.StrikeExpired(c.account(), c.strike(), now));
        }

        private void resume(ResumeNoticeProcessing c) {
            RecordStates.NotifierRecord record = RecordStates.NotifierRecord.fold(ws.history(StreamId.of(c.notifier())));
            if (record.suspendedUntil.isEmpty() || record.isSuspendedAt(now)) {
                error("notifier", record.suspendedUntil.map(u -> "suspended until " + u).orElse("not suspended"));
                return;
            }
            ws.emit(StreamId.of(c.notifier()), new NotifierEvent.NoticeProcessingResumed(c.notifier(), now));
        }

        // ---- safeguards -----------------------------------------------------------------------------------------

        private void recordPolicyVersion(RecordPolicyVersion c) {
            StreamId stream = StreamId.ofPolicy(c.policy());
            Optional<PolicyEvent.PolicyVersionStored> kept = ws.history(stream).stream()
                    .map(e -> switch ((PolicyEvent) e) {
                        case PolicyEvent.PolicyVersionStored s -> s;
                    })
                    .findFirst();
            if (kept.isPresent()) {
                if (!kept.get().source().equals(c.source())) {
                    error("policy", "version " + c.policy() + " is recorded with another text (SHA-256 " + kept.get().source() + ")");
                }
                return;
            }
            ws.emit(stream, new PolicyEvent.PolicyVersionStored(c.policy(), c.source(), c.person(), now));
        }

        private void resetBreaker(ResetBreaker c) {
            requireText("reasons", c.reasons());
            RecordStates.Rule record = RecordStates.Rule.fold(ws.history(StreamId.of(c.rule())));
            if (record.tripped.isEmpty()) {
                error("rule", "the circuit breaker of " + c.rule() + " is not tripped");
            }
            if (errors.isEmpty()) {
                ws.emit(StreamId.of(c.rule()), new RuleEvent.BreakerReset(c.rule(), c.person(), c.reasons(), now));
                learned.add(() -> breakers.reset(c.rule(), now));
            }
        }

        private void startRecall(StartRecall c) {
            requireText("reasons", c.reasons());
            requireText("apology", c.apology());
            requireAtMost("reasons", c.reasons(), StartRecall.MAX_REASONS);
            requireAtMost("apology", c.apology(), StartRecall.MAX_APOLOGY);
            if (c.from().isPresent() && c.to().isPresent() && !c.from().get().isBefore(c.to().get())) {
                error("to", "the recall's time ends after it begins, not at " + c.to().get());
            }
            if (errors.isEmpty()) {
                ws.emit(StreamId.of(c.rule()), new RuleEvent.RecallStarted(RecallId.next(random), c.rule(), c.from(), c.to(),
                        c.person(), c.reasons(), c.apology(), now));
            }
        }

        private void recallSubject(RecallSubject c) {
            Optional<RuleEvent.RecallStarted> recall = openRecall(c.rule(), c.recall());
            CaseState state = existingCase(c.subject());
            if (state == null || recall.isEmpty()) {
                return;
            }
            RuleEvent.RecallStarted r = recall.get();
            LiftCause cause = new LiftCause.Recalled(r.recall(), r.rule(), Optional.of(r.reasons()), Optional.of(r.apology()));
            Set<DecisionId> undone = new java.util.LinkedHashSet<>();
            for (RestrictionApplied applied : List.copyOf(state.standing.values())) {
                Decision decision = state.decision(applied.decision()).orElseThrow();
                if (recalls(r, decision)) {
                    emitCase(state, new RestrictionLifted(state.id, decision.id(), applied.subject(), applied.restriction().id(), cause, now));
                    undone.add(decision.id());
                }
            }
            for (DecisionId d : undone) {
                inform(state, new Recipient.Owner(state.subject.owner()), Topic.RECALLED, d, Optional.empty());
            }
            StreamId account = StreamId.of(state.subject.owner());
            RecordStates.Strikes.fold(ws.history(account)).active.values().stream().filter(s -> undone.contains(s.decision()))
                    .forEach(s -> ws.emit(account, new AccountEvent.StrikeRecalled(s.account(), s.strike(), r.recall(), now)));
        }

        private void completeRecall(CompleteRecall c) {
            if (openRecall(c.rule(), c.recall()).isPresent()) {
                ws.emit(StreamId.of(c.rule()), new RuleEvent.RecallCompleted(c.recall(), c.rule(), now));
            }
        }

        private Optional<RuleEvent.RecallStarted> openRecall(Versioned rule, RecallId id) {
            Optional<RuleEvent.RecallStarted> recall = RecordStates.Rule.fold(ws.history(StreamId.of(rule))).open(id);
            if (recall.isEmpty()) {
                error("recall", "no recall " + id + " of " + rule + " is under way");
            }
            return recall;
        }

        // ---- helpers --------------------------------------------------------------------------------------------

        private CaseState caseOf(SubjectRef subject) {
            return CaseState.fold(ws.history(StreamId.of(subject)));
        }

        private CaseState existingCase(SubjectRef subject) {
            CaseState state = caseOf(subject);
            if (!state.exists()) {
                error("subject", "there is no case about " + subject);
                return null;
            }
            return state;
        }

        private RecordStates.Request request(AuthorityRequestId id) {
            return RecordStates.Request.fold(ws.history(StreamId.of(id)));
        }

        private void emitCase(SubjectRef subject, dev.recourse.core.event.CaseEvent event) {
            ws.emit(StreamId.of(subject), event);
        }

        private void emitCase(CaseState state, dev.recourse.core.event.CaseEvent event) {
            emitCase(state.subject.ref(), event);
        }

        private void inform(CaseState state, Recipient recipient, Topic topic, DecisionId decision, Optional<AppealId> appeal) {
            emitCase(state, new PersonInformed(state.id, recipient, topic, Optional.of(decision), appeal, now));
        }

        private Recipient sender(Notice notice) {
            return new Recipient.NoticeSender(notice.id(), notice.source(), notice.contact());
        }

        private Recipient appellant(CaseState state, Appellant appellant) {
            return switch (appellant) {
                case Appellant.AffectedPerson p -> new Recipient.Owner(p.account());
                case Appellant.Notifier n -> sender(state.notices.get(n.notice()));
            };
        }

        private void requireText(String field, String value) {
            if (value.isBlank()) {
                error(field, "is required");
            }
        }

        private void requireAtMost(String field, String value, int characters) {
            if (value.length() > characters) {
                error(field, "has at most " + characters + " characters, not " + value.length());
            }
        }

        private void error(String field, String problem) {
            errors.add(new FieldError(field, problem));
        }
    }

    /** Whether {@code recall} covers {@code decision}: the rule version took part in it, within the recall's time. */
    static boolean recalls(RuleEvent.RecallStarted recall, Decision decision) {
        boolean byRule = decision.outcome().deciders().rule().filter(a -> a.rule().equals(recall.rule())).isPresent();
        return byRule && recall.from().map(f -> !decision.decidedAt().isBefore(f)).orElse(true)
                && recall.to().map(t -> decision.decidedAt().isBefore(t)).orElse(true);
    }
}
