package dev.recourse.core.policy;

import dev.recourse.core.command.Command;
import dev.recourse.core.decider.Versioned;
import dev.recourse.core.notice.DetectionId;
import dev.recourse.core.notice.Signal;
import dev.recourse.core.subject.Subject;
import java.util.Set;

/** What one rule made of one event, when it matched or could not judge it. */
public sealed interface RuleOutcome {
    /** The rule version concerned. */
    Versioned rule();

    /**
     * The rule decides or proposes: the pipeline records {@link #detection()} in the subject's case, then submits
     * {@link #decide(DetectionId)} with the detection's id. Safeguards may still turn a decision into a proposal.
     */
    record Act(Versioned rule, Subject subject, Command.Decide decide) implements RuleOutcome {
        /** The detection to record first: this rule matched. */
        public Command.RecordDetection detection() {
            return new Command.RecordDetection(subject, new Signal.RuleMatch(rule));
        }

        /** The decision, citing the recorded detection. */
        public Command.Decide decide(DetectionId detection) {
            return new Command.Decide(decide.subject(), decide.notices(), Set.of(detection), decide.decidedBy(), decide.plan());
        }
    }

    /** A shadow rule matched: recorded, never enforced. */
    record Shadowed(ShadowRecord record) implements RuleOutcome {
        @Override
        public Versioned rule() {
            return record.rule();
        }
    }

    /** The rule could not judge the event (a classifier failed, a pattern search ran out of budget, the condition failed). */
    record Withheld(Versioned rule, String reason) implements RuleOutcome {}
}
