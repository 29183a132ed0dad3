/**
 * Evaluation: scoring the test set on the executors with broadcast LDA weights (only the
 * weights travel out, only counts and optional predictions come back), and the metrics people
 * compare (accuracy, per-class accuracy, confusion, forgetting, mean incremental accuracy).
 */
package org.deepslda.eval;
