/**
 * Appeals (internal complaints, DSA Art. 20) against decisions, by the affected person or a notifier: open for at
 * least six months, decided by a person who took no part in the decision or in an earlier appeal of it, with reasons.
 */
package dev.recourse.core.appeal;
