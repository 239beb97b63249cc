/** Measurements of the store: the decision write path from submission to signed checkpoint. */
package dev.recourse.store.bench;
