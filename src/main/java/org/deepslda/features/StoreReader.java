package org.deepslda.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.deepslda.common.BadInputException;
import org.deepslda.data.ImageRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a list of images' rows out of a store, checked: every image present, every vector of length
 * d with no NaN, one row per image. Rows of the same path in two commits (two {@code ensure} calls
 * that ran at the same time) are logged and the oldest commit's row is kept.
 */
final class StoreReader {
  private static final Logger LOG = LoggerFactory.getLogger(StoreReader.class);
  private static final int EXAMPLES = 5;

  private static final StructType WANTED =
      new StructType()
          .add("idx", DataTypes.IntegerType, false)
          .add("path", DataTypes.StringType, false)
          .add("label", DataTypes.IntegerType, false);

  private StoreReader() {}

  /** Feature rows of a batch: {@code idx} positions and their {@code n x d} values. */
  record Chunk(int[] idx, float[] values) implements Serializable {}

  /**
   * Rows {@code (idx, path, label, features)} for exactly {@code records} (idx = position in the
   * list), validated and deduplicated.
   *
   * @param have the store's rows as {@code (path, features, _file)}, {@code _file} naming the
   *     Parquet file of each
   */
  static Dataset<Row> select(
      SparkSession spark, FeatureStore store, Dataset<Row> have, List<ImageRecord> records) {
    List<Row> wanted = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      wanted.add(RowFactory.create(i, records.get(i).path(), records.get(i).label()));
    }
    Dataset<Row> joined =
        spark.createDataFrame(wanted, WANTED).join(have, new String[] {"path"}, "left");
    int d = store.dim();
    Row counts =
        joined
            .agg(
                count(lit(1)),
                countDistinct(col("idx")),
                count_if(col("features").isNull()),
                count_if(col("features").isNotNull().and(badVector(d))))
            .first();
    requireNoneMissing(store, joined, counts.getLong(2));
    requireNoneDamaged(store, joined, counts.getLong(3), d);
    Dataset<Row> unique = dedup(store, joined, counts.getLong(0) - counts.getLong(1));
    return unique.select("idx", "path", "label", "features");
  }

  private static org.apache.spark.sql.Column badVector(int d) {
    return expr("size(features) <> " + d + " OR exists(features, x -> isnan(x))");
  }

  private static void requireNoneMissing(FeatureStore store, Dataset<Row> joined, long missing) {
    if (missing > 0) {
      List<String> examples = paths(joined.filter(col("features").isNull()).orderBy("idx"));
      throw missingError(store, missing, examples);
    }
  }

  /** The error for images the store lacks, with the command that fills the store. */
  static BadInputException missingError(FeatureStore store, long missing, List<String> examples) {
    return new BadInputException(
        "feature store "
            + store.uri()
            + " lacks the features of "
            + missing
            + " of the requested images (e.g. "
            + String.join(", ", examples)
            + "); fill it with: slda extract --data ROOT --backbone "
            + backboneFlag(store.descriptor())
            + " --store "
            + store.uri()
            + " --filelist FILE (the filelist these images come from)");
  }

  private static void requireNoneDamaged(
      FeatureStore store, Dataset<Row> joined, long damaged, int d) {
    if (damaged == 0) {
      return;
    }
    List<String> examples =
        joined
            .filter(col("features").isNotNull().and(badVector(d)))
            .orderBy("idx")
            .select(expr("concat(path, ' (length ', size(features), ', in ', _file, ')')"))
            .limit(EXAMPLES)
            .collectAsList()
            .stream()
            .map(r -> r.getString(0))
            .collect(Collectors.toList());
    throw new BadInputException(
        "feature store "
            + store.uri()
            + " is damaged: "
            + damaged
            + " rows have NaN values or a"
            + " length other than d="
            + d
            + ": "
            + String.join(", ", examples)
            + "; delete the commit folders named and run slda extract again");
  }

  private static Dataset<Row> dedup(FeatureStore store, Dataset<Row> joined, long extra) {
    if (extra == 0) {
      return joined;
    }
    Dataset<Row> ranked =
        joined.withColumn(
            "_rank", row_number().over(Window.partitionBy("idx").orderBy(col("_file"))));
    List<String> examples = paths(ranked.filter(col("_rank").equalTo(2)).orderBy("idx"));
    LOG.warn(
        "feature store {}: {} extra rows for already stored images (e.g. {}), from extract runs"
            + " that overlapped; using each image's row from the oldest commit",
        store.uri(),
        extra,
        String.join(", ", examples));
    return ranked.filter(col("_rank").equalTo(1)).drop("_rank");
  }

  private static List<String> paths(Dataset<Row> rows) {
    return rows.select("path").limit(EXAMPLES).collectAsList().stream()
        .map(r -> r.getString(0))
        .collect(Collectors.toList());
  }

  /** The {@code --backbone} value that recreates a descriptor's backbone, as far as known. */
  static String backboneFlag(BackboneDescriptor d) {
    String id = d.identity();
    if (id.startsWith(BackboneSpec.RANDOM_PREFIX + ":")) {
      return id.substring(0, id.indexOf('/'));
    }
    if (id.startsWith("torchscript:")) {
      return "PATH/" + id.substring("torchscript:".length());
    }
    return id;
  }

  /**
   * Copies the selected rows, in any order, into {@code n x d} row-major order by idx. The driver
   * briefly holds the values twice ({@code 2 * n * d * 4} bytes: 670 MB for all of CORe50).
   */
  static float[] collectOrdered(Dataset<Row> selected, int n, int d) {
    float[] out = new float[Math.multiplyExact(n, d)];
    List<Chunk> chunks =
        selected.select("idx", "features").javaRDD().mapPartitions(StoreReader::chunk).collect();
    for (Chunk c : chunks) {
      for (int i = 0; i < c.idx().length; i++) {
        System.arraycopy(c.values(), i * d, out, c.idx()[i] * d, d);
      }
    }
    return out;
  }

  private static Iterator<Chunk> chunk(Iterator<Row> rows) {
    List<Integer> idx = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      idx.add(r.getInt(0));
      List<Float> f = r.getList(1);
      float[] v = new float[f.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = f.get(i);
      }
      vectors.add(v);
    }
    int d = vectors.isEmpty() ? 0 : vectors.get(0).length;
    float[] values = new float[vectors.size() * d];
    for (int i = 0; i < vectors.size(); i++) {
      System.arraycopy(vectors.get(i), 0, values, i * d, d);
    }
    return List.of(new Chunk(idx.stream().mapToInt(Integer::intValue).toArray(), values))
        .iterator();
  }
}
