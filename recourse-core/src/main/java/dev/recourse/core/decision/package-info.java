/**
 * Cases, decisions and restrictions: what was done about a subject (or that nothing was done), why, by whom, and the
 * effect on the platform with its territorial scope and end.
 */
package dev.recourse.core.decision;
