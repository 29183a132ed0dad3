/**
 * Pieces every stage shares: the exception types (bad input vs. environment failure), file
 * access through the Hadoop FileSystem API (so every path may be local, hdfs or s3a) with
 * atomic writes, JSON, and the numpy {@code .npy}/{@code .npz} format.
 */
package org.deepslda.common;
