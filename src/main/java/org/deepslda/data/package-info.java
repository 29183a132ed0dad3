/**
 * Image streams, the first stage of the pipeline: which images a continual-learning experiment
 * sees, in which order, with which labels, and where they live. Nothing here reads pixels for
 * training; the stream is a list of {@code (relative path, label)} batches plus a test list ({@link
 * org.deepslda.data.ImageStream}).
 *
 * <ul>
 *   <li>CORe50 as shipped: {@link org.deepslda.data.Core50Streams} reads the filelists of a {@link
 *       org.deepslda.data.Scenario}, run and {@link org.deepslda.data.LabelLevel}; line order is
 *       stream order, labels come from the lines.
 *   <li>The orderings of the Deep SLDA paper over the image folder: {@link
 *       org.deepslda.data.Orderings}.
 *   <li>Any class-per-folder image set: {@link org.deepslda.data.ImageFolderStreams}.
 *   <li>Getting data: {@link org.deepslda.data.Core50Fetch} downloads CORe50; {@link
 *       org.deepslda.data.SyntheticCore50} writes a small synthetic set in the same layout.
 *   <li>Looking at data: {@link org.deepslda.data.SamplePreview}.
 * </ul>
 *
 * <p>All paths go through the Hadoop FS API (local, hdfs, s3a); listings cost one request per
 * folder, never one per image. Input errors are {@link org.deepslda.common.BadInputException}s
 * naming the file and line or the flag. Everything random takes a seed. This package imports no
 * later stage and does not need Spark.
 */
package org.deepslda.data;
