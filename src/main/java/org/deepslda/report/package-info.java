/**
 * Reporting: the seed's result files (JSON, the incremental-performance PNG) and our additions
 * (metrics JSON, confusion-matrix PNG, sweep curves). Every file is written atomically, so a
 * reader never sees half a file. Charts are rendered headless with JFreeChart.
 */
package org.deepslda.report;
