/**
 * Tests of deployment: a real multi-process Spark standalone cluster on 127.0.0.1 ({@link
 * org.deepslda.deploy.LocalStandaloneCluster}), applications submitted to it through {@code
 * SparkSubmit} and the {@code submit/} launchers, and comparisons with local-mode runs. Every
 * process these tests start is killed when they end.
 */
package org.deepslda.deploy;
