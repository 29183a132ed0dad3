/**
 * Reliability suite (issue #9): every way a user's input or machine can go wrong, exercised
 * through the {@code slda} command line in-process ({@link org.deepslda.reliability.UserCli}).
 * Each failure must exit non-zero (2 bad input, 3 environment) with one line on stderr naming
 * the file, line, column or flag, the value found and what was expected, and leave no result
 * file and no {@code _SUCCESS}; the user's own files stay byte-identical. All classes share one
 * tiny generated dataset, store and reference run ({@link org.deepslda.reliability.Shared}).
 *
 * <p>Index of the kinds:
 *
 * <ul>
 *   <li>images ({@code ImagesTest}): corrupt, truncated, zero-byte, not an image, missing;
 *       {@code --skip-bad-images}; grayscale, 16-bit and other-size PNGs work.
 *   <li>filelists ({@code FilelistsTest}): malformed line, negative and too-large label, {@code
 *       ../} and absolute paths, duplicate path, empty batch file, test image also in training
 *       (a warning with the count).
 *   <li>feature store ({@code BadFeatureStoreTest}): NaN row, vector of the wrong length, store of
 *       another backbone, rows missing (count and examples).
 *   <li>checkpoints ({@code CheckpointsTest}): truncated, edited, wrong shapes, another model,
 *       future format version, through {@code --resume} and {@code SldaCheckpoint.load}; the
 *       documented recovery.
 *   <li>config and CLI ({@code ConfigAndCliTest}): unknown YAML key, wrong types, shrinkage out
 *       of (0, 1], unknown scenario or run, missing or unknown flags, an existing complete run.
 *   <li>faults ({@code FaultsTest}): a task that fails once (hook {@code
 *       slda.test.failFirstAttempt}), disk full (the {@code fullfs://} test file system) during
 *       checkpoints and during results, {@code --out} under a file. The driver stopped mid-run:
 *       {@code cli.RunLifecycleTest.resume_afterStopGivesTheUninterruptedRunsFiles}.
 *   <li>determinism ({@code DeterminismTest}): two runs, test partition counts, extraction
 *       partition counts give identical bytes (1 vs 7 partitions: {@code RunLifecycleTest}).
 * </ul>
 *
 * <p>What users read about these errors: {@code docs/troubleshooting.md}.
 */
package org.deepslda.reliability;
