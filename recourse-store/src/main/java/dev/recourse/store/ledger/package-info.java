/**
 * The ledger on the transparency log: {@link dev.recourse.store.ledger.LedgerIntegrator} appends
 * committed events' public entries in position order, one integrator per database, and answers
 * when a position is covered by a signed checkpoint and with the material of its receipt.
 */
package dev.recourse.store.ledger;
