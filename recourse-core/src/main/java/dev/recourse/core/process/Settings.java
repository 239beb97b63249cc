package dev.recourse.core.process;

import dev.recourse.core.statement.StatementOfReasons;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * How a platform runs due process, within what the DSA allows.
 *
 * @param appealWindow how long after a decision an appeal can be filed; at least six months (DSA Art. 20(1))
 * @param reachThreshold followers or members from which account- and page-level actions are high-impact
 * @param strikeLifetime how long a strike counts against an account
 * @param misuseWindow how far back manifestly unfounded notices count against a notifier
 * @param warnAfter how many such notices within the window earn a warning
 * @param suspendAfter how many such notices within the window, after a warning, suspend the notifier's notices
 * @param suspension how long that suspension lasts
 * @param outOfCourtSettlement the out-of-court settlement option stated in every statement of reasons
 * @param judicialRedress the judicial redress option stated in every statement of reasons
 */
public record Settings(Period appealWindow, long reachThreshold, Duration strikeLifetime, Duration misuseWindow, int warnAfter,
        int suspendAfter, Duration suspension, String outOfCourtSettlement, String judicialRedress) {
    public Settings {
        if (appealWindow.isNegative() || appealWindow.getDays() < 0
                || appealWindow.toTotalMonths() < StatementOfReasons.MINIMUM_APPEAL_MONTHS) {
            throw new IllegalArgumentException("an appeal stays open at least six months, not " + appealWindow);
        }
        if (reachThreshold < 1 || warnAfter < 1 || suspendAfter < warnAfter) {
            throw new IllegalArgumentException("thresholds are positive and suspension comes after the warning");
        }
        if (!strikeLifetime.isPositive() || !misuseWindow.isPositive() || !suspension.isPositive()) {
            throw new IllegalArgumentException("durations are positive");
        }
        if (outOfCourtSettlement.isBlank() || judicialRedress.isBlank()) {
            throw new IllegalArgumentException("every statement states out-of-court settlement and judicial redress");
        }
    }

    /**
     * Six months to appeal, high impact from 100,000 followers, strikes for a year, a warning after 3 and a
     * 30-day suspension after 5 manifestly unfounded notices within 90 days.
     */
    public static Settings defaults(String outOfCourtSettlement, String judicialRedress) {
        return new Settings(Period.ofMonths(6), 100_000, Duration.ofDays(365), Duration.ofDays(90), 3, 5, Duration.ofDays(30),
                outOfCourtSettlement, judicialRedress);
    }

    /** The last instant at which a decision taken at {@code decidedAt} can be appealed. */
    public Instant appealDeadline(Instant decidedAt) {
        return decidedAt.atZone(ZoneOffset.UTC).plus(appealWindow).toInstant();
    }
}
