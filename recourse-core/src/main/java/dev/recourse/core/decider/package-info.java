/**
 * Who decided: the automated rule (id@version with its list and model versions) and the people, known by
 * pseudonym and role, who reviewed or approved. Names of people never appear here.
 */
package dev.recourse.core.decider;
