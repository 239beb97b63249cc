/**
 * The answers to idempotent writes, stored in the same transaction as the events they answer: a write whose events
 * committed has its first answer committed with them, so that a retry after the process died gets that answer
 * instead of acting twice.
 */
package dev.recourse.store.idempotency;
