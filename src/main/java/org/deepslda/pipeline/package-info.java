/**
 * The jobs: {@code run} (one scenario and run, end to end) and {@code sweep} (a grid of them
 * over one feature store). They wire the stages in one direction: scenario, images, features,
 * stream fit, scores, reports. Options are immutable records validated on construction.
 */
package org.deepslda.pipeline;
