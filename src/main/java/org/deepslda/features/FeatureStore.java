package org.deepslda.features;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.deepslda.common.BadInputException;
import org.deepslda.common.HadoopFiles;
import org.deepslda.data.ImageRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reusable Parquet feature store at a Hadoop FS URI: one row per image ({@code path} relative to
 * the image folder, {@code session}, {@code object}, {@code category}, {@code frame} from the
 * CORe50 name or -1, {@code features} as {@code array<float>} of length d) plus {@code
 * _backbone.json}, the {@link BackboneDescriptor} of the backbone that computed every row. Layout
 * in {@link StoreLayout}.
 *
 * <p>A store is filled incrementally by {@link #ensure} (which computes only what is missing and
 * appends it as a new commit) and read by {@link #features} and {@link #collectOrdered}. It is
 * never used with another backbone: {@link #ensure} refuses a different one, and readers compare
 * {@link #descriptor()} with their own. Not thread-safe; separate processes may share a store
 * (overlapping {@code ensure} calls may store an image twice, which readers detect and log).
 */
public final class FeatureStore {
  private static final Logger LOG = LoggerFactory.getLogger(FeatureStore.class);

  /**
   * Images per commit: an extraction is committed in pieces of this size, so that an
   * interrupted one keeps what it finished and a rerun computes only the rest.
   */
  static final int IMAGES_PER_COMMIT = 4096;

  /** {@link #IMAGES_PER_COMMIT}, smaller in tests (package-private; not a user setting). */
  static int imagesPerCommit = IMAGES_PER_COMMIT;

  private final String uri;
  private BackboneDescriptor descriptor;
  private Dataset<Row> cached;
  private List<String> cachedCommits;

  private FeatureStore(String uri, BackboneDescriptor descriptor) {
    this.uri = uri;
    this.descriptor = descriptor;
  }

  /**
   * Opens the store at {@code uri}; a folder that does not exist yet is a new, empty store.
   *
   * @throws BadInputException if the descriptor is unreadable or rows exist without one
   */
  public static FeatureStore open(SparkSession spark, String uri) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    String clean = uri.endsWith("/") && uri.length() > 1 ? uri.substring(0, uri.length() - 1) : uri;
    BackboneDescriptor d = StoreLayout.readDescriptor(clean, conf);
    StoreLayout.requireDescriptorIfRows(clean, d, StoreLayout.completeCommits(clean, conf));
    return new FeatureStore(clean, d);
  }

  public String uri() {
    return uri;
  }

  /** The backbone of the stored features, or null for a store that was never filled. */
  public BackboneDescriptor descriptor() {
    return descriptor;
  }

  /**
   * Feature length d.
   *
   * @throws BadInputException for a store that was never filled
   */
  public int dim() {
    return requireDescriptor().dim();
  }

  /**
   * The {@code --backbone} value that recreates this store's backbone, as far as the descriptor
   * tells it ({@code random-resnet18:0}, {@code PATH/model.pt}, a model-zoo URL), or {@code SPEC}
   * for a store that was never filled: for messages that give the command to fill the store.
   */
  public String backboneFlag() {
    return descriptor == null ? "SPEC" : StoreReader.backboneFlag(descriptor);
  }

  private BackboneDescriptor requireDescriptor() {
    if (descriptor == null) {
      throw new BadInputException(
          "feature store "
              + uri
              + " is empty (no "
              + StoreLayout.DESCRIPTOR
              + "); fill it with:"
              + " slda extract --data ROOT --backbone SPEC --store "
              + uri);
    }
    return descriptor;
  }

  /**
   * Makes sure the store holds the features of every image in {@code relPaths}: computes, on the
   * executors, only those not stored yet and appends them as one new commit. A call over a complete
   * store starts no Spark job.
   *
   * @param imageFolder the image folder's path or URI ({@code ROOT/core50_128x128}); its last
   *     component is recorded in the descriptor, and a store of another folder is refused
   * @param relPaths image paths relative to {@code imageFolder}, '/' separated; duplicates are
   *     ignored
   * @throws BadInputException for a bad path, a store of another backbone or image folder, or
   *     (unless {@code opts.skipBadImages()}) unreadable images, named after the good images'
   *     features were saved
   */
  public ExtractReport ensure(
      SparkSession spark,
      String imageFolder,
      List<String> relPaths,
      BackboneSpec backbone,
      ExtractOptions opts) {
    long start = System.nanoTime();
    List<String> wanted = distinctValidPaths(relPaths);
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    if (!HadoopFiles.exists(imageFolder, conf)) {
      throw new BadInputException("image folder " + imageFolder + " does not exist");
    }
    String folderName = new Path(imageFolder).getName();
    BackboneLoader loader = BackboneLoader.describe(backbone, conf, folderName);
    adoptBackbone(loader.descriptor(), conf);
    List<String> todo = missing(spark, wanted);
    if (todo.isEmpty()) {
      ExtractReport r =
          new ExtractReport(wanted.size(), wanted.size(), 0, List.of(), since(start), null);
      LOG.info("feature store {}: {}", uri, r.summary());
      return r;
    }
    int written = 0;
    List<BadImage> bad = new ArrayList<>();
    String commit = null;
    for (int from = 0; from < todo.size(); from += imagesPerCommit) {
      List<String> chunk = todo.subList(from, Math.min(todo.size(), from + imagesPerCommit));
      commit = StoreLayout.newCommitName();
      ExtractionJob.Outcome part =
          ExtractionJob.run(
              spark, StoreLayout.commitUri(uri, commit), imageFolder, chunk, loader, opts);
      written += part.written();
      bad.addAll(part.bad());
    }
    ExtractionJob.Outcome out = new ExtractionJob.Outcome(written, bad);
    ExtractReport r =
        new ExtractReport(
            wanted.size(),
            wanted.size() - todo.size(),
            out.written(),
            out.bad(),
            since(start),
            commit);
    LOG.info("feature store {}: {}", uri, r.summary());
    if (!out.bad().isEmpty() && !opts.skipBadImages()) {
      throw unreadable(out.bad(), imageFolder);
    }
    return r;
  }

  private void adoptBackbone(BackboneDescriptor requested, Configuration conf) {
    if (descriptor != null) {
      descriptor.requireSame(requested, uri);
      return;
    }
    StoreLayout.writeDescriptor(uri, requested, conf);
    descriptor = requested;
    LOG.info("feature store {}: new store for backbone {}", uri, requested.summary());
  }

  private static BadInputException unreadable(List<BadImage> bad, String imageFolder) {
    List<String> examples = new ArrayList<>();
    for (BadImage b : bad.subList(0, Math.min(5, bad.size()))) {
      examples.add(b.reason());
    }
    return new BadInputException(
        bad.size()
            + " image(s) under "
            + imageFolder
            + " could not be read: "
            + String.join("; ", examples)
            + (bad.size() > 5 ? "; ..." : "")
            + ". The other images' features were saved; fix or remove these files, or pass"
            + " --skip-bad-images to leave them out");
  }

  private static double since(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * The paths without duplicates, in first-seen order, each checked to be a clean relative path.
   */
  static List<String> distinctValidPaths(List<String> relPaths) {
    Set<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < relPaths.size(); i++) {
      String p = relPaths.get(i);
      if (p == null
          || p.isBlank()
          || p.startsWith("/")
          || p.contains("\\")
          || p.contains("//")
          || p.equals("..")
          || p.startsWith("../")
          || p.contains("/../")
          || p.endsWith("/..")
          || p.contains(":")) {
        throw new BadInputException(
            "image path #"
                + (i + 1)
                + " '"
                + p
                + "' is not a path relative to the image folder"
                + " ('/' separated, no leading '/', no '..', no scheme)");
      }
      seen.add(p);
    }
    return new ArrayList<>(seen);
  }

  /** Every stored row (complete commits only), as written; empty with the schema if none. */
  public Dataset<Row> rows(SparkSession spark) {
    List<String> commits =
        StoreLayout.completeCommits(uri, spark.sparkContext().hadoopConfiguration());
    if (commits.isEmpty()) {
      return spark.createDataFrame(List.of(), StoreLayout.SCHEMA);
    }
    return spark.read().schema(StoreLayout.SCHEMA).parquet(commits.toArray(new String[0]));
  }

  /** Those of {@code relPaths} (deduplicated, in order) that the store does not hold. */
  public List<String> missing(SparkSession spark, List<String> relPaths) {
    Set<String> present =
        new HashSet<>(
            rows(spark)
                .select("path")
                .distinct()
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList());
    List<String> out = new ArrayList<>();
    for (String p : distinctValidPaths(relPaths)) {
      if (!present.contains(p)) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * {@code (path, label, features)} for exactly {@code records}, in their order.
   *
   * @throws BadInputException if some are missing (with their count, examples and the {@code slda
   *     extract} command that fills them), or if stored vectors are damaged
   */
  public Dataset<Row> features(SparkSession spark, List<ImageRecord> records) {
    return selected(spark, records).orderBy("idx").select("path", "label", "features");
  }

  /**
   * The features of {@code records} on the driver, {@code n x d} row-major in the records' order:
   * record {@code i}'s vector at {@code [i * d, (i + 1) * d)}.
   *
   * @throws BadInputException as {@link #features}
   */
  public float[] collectOrdered(SparkSession spark, List<ImageRecord> records) {
    return StoreReader.collectOrdered(selected(spark, records), records.size(), dim());
  }

  /**
   * Looks up and validates the features of {@code records} once, and keeps them cached for
   * repeated reads of slices ({@link PinnedFeatures#collectRange}).
   *
   * @throws BadInputException as {@link #features}
   */
  public PinnedFeatures pin(SparkSession spark, List<ImageRecord> records) {
    return new PinnedFeatures(selected(spark, records), records.size(), dim());
  }

  private Dataset<Row> selected(SparkSession spark, List<ImageRecord> records) {
    requireDescriptor();
    if (records.isEmpty()) {
      return spark
          .createDataFrame(List.of(), StoreLayout.SCHEMA)
          .selectExpr("0 AS idx", "path", "0 AS label", "features");
    }
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<String> commits = StoreLayout.completeCommits(uri, conf);
    if (commits.isEmpty()) {
      List<String> examples = new ArrayList<>();
      records.stream().limit(5).forEach(r -> examples.add(r.path()));
      throw StoreReader.missingError(this, records.size(), examples);
    }
    return StoreReader.select(spark, this, vectors(spark, commits), records);
  }

  /**
   * {@code (path, features, _file)} of every stored row, persisted (memory, then disk) for as long
   * as the store's commits stay the same: a stream fit reads the store once per batch, and scanning
   * the Parquet files each time would dominate it. A new commit replaces the cache.
   */
  private Dataset<Row> vectors(SparkSession spark, List<String> commits) {
    if (cached != null && commits.equals(cachedCommits)) {
      return cached;
    }
    release();
    cached =
        spark
            .read()
            .schema(StoreLayout.SCHEMA)
            .parquet(commits.toArray(new String[0]))
            .select(col("path"), col("features"), col("_metadata.file_path").as("_file"))
            .persist(StorageLevel.MEMORY_AND_DISK());
    cachedCommits = List.copyOf(commits);
    LOG.debug("feature store {}: caching the rows of {} commits", uri, commits.size());
    return cached;
  }

  /** Drops the store's cached rows from Spark's storage (they are rebuilt when next needed). */
  public void release() {
    if (cached != null) {
      cached.unpersist(false);
      cached = null;
      cachedCommits = null;
    }
  }
}
