/**
 * The register of authority requests (DSA Art. 9 orders and government requests): each names the authority and the
 * legal basis, is linked to the actions it caused, and is disclosed publicly unless a recorded legal hold delays it
 * until its end date.
 */
package dev.recourse.core.authority;
