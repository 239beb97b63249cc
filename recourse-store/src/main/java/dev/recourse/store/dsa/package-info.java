/**
 * The statements of reasons of decisions as the DSA Transparency Database takes them, read in time order straight
 * from the decisions' public log entries (which hold no personal data): {@link dev.recourse.store.dsa.DsaStatements}.
 */
package dev.recourse.store.dsa;
