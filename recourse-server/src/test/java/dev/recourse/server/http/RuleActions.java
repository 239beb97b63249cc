package dev.recourse.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recourse.core.command.Command;
import dev.recourse.core.decider.AutomatedRule;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.decision.Measure;
import dev.recourse.core.decision.PlannedRestriction;
import dev.recourse.core.event.CaseEvent;
import dev.recourse.core.event.RecordedEvent;
import dev.recourse.core.notice.Signal;
import dev.recourse.core.process.Result;
import dev.recourse.core.statement.DecisionVisibility;
import dev.recourse.core.subject.Subject;
import dev.recourse.store.RecourseStore;
import dev.recourse.store.TestCases;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What automated rules do, for tests of the safeguards: a rule removing a post by itself. */
final class RuleActions {
    private RuleActions() {}

    /** {@code rule} removes the post {@code id} of {@code owner} by itself, through {@code store}'s core. */
    static List<RecordedEvent> enforce(RecourseStore store, Versioned rule, String id, String owner) {
        Subject post = TestCases.post(id, owner);
        Result detected = store.dueProcess().handle(new Command.RecordDetection(post, new Signal.RuleMatch(rule)));
        CaseEvent.DetectionRecorded detection = ((Result.Accepted) detected).events().stream().map(RecordedEvent::event)
                .filter(CaseEvent.DetectionRecorded.class::isInstance).map(CaseEvent.DetectionRecorded.class::cast).findFirst().orElseThrow();
        Result decided = store.dueProcess().handle(new Command.Decide(post.ref(), Set.of(), Set.of(detection.detection().id()),
                new Command.DecidedBy.Rule(AutomatedRule.of(rule), Command.Mode.ENFORCE), new Command.Plan.Restrict(List.of(
                        PlannedRestriction.everywhere(new Measure.Visibility(DecisionVisibility.DECISION_VISIBILITY_CONTENT_REMOVED,
                                Optional.empty()))), TestCases.illegalReasons())));
        assertThat(decided).isInstanceOf(Result.Accepted.class);
        return ((Result.Accepted) decided).events();
    }
}
