package dev.recourse.core.statement;

import java.time.Instant;

/**
 * What the affected person can do about a decision (DSA Art. 17(3)(f)): the internal complaint (Art. 20) and until
 * when it can be filed, out-of-court dispute settlement (Art. 21), and judicial redress. The Transparency Database
 * does not take these; they go in the notice to the person.
 *
 * @param internalComplaintDeadline the last instant at which an appeal can be filed
 * @param outOfCourtSettlement how to reach a certified out-of-court dispute settlement body
 * @param judicialRedress how to bring the decision before a court
 */
public record Redress(Instant internalComplaintDeadline, String outOfCourtSettlement, String judicialRedress) {}
