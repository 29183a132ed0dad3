package org.deepslda.features;

import java.util.Arrays;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.deepslda.common.BadInputException;

/**
 * A Spark ML {@link Transformer} that appends the backbone's features of each row's image, for use
 * in one's own pipelines: the input column holds either the image's path or URI (string) or its
 * encoded bytes (binary, as Spark's {@code binaryFile} source reads them); the output column is
 * {@code array<float>} of length d. Preprocessing and backbone are those of the feature store, so
 * the vectors equal the store's for the same image.
 *
 * <p>Params: {@code inputCol} (default "path"), {@code outputCol} (default "features"), {@code
 * backbone} (a {@link BackboneSpec}, default "random-resnet18:0"), {@code batchSize} (default 32).
 * An unreadable image fails the job with a {@link BadInputException} naming it. Saved and loaded
 * with Spark ML's default params persistence ({@code write().save}, {@link #load}).
 */
public final class FeatureExtractorTransformer extends Transformer
    implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final Param<String> inputCol;
  private final Param<String> outputCol;
  private final Param<String> backbone;
  private final IntParam batchSize;

  public FeatureExtractorTransformer() {
    this(Identifiable.randomUID("sldaFeatures"));
  }

  /** For Spark's {@code copy} and persistence, which create transformers by uid. */
  public FeatureExtractorTransformer(String uid) {
    this.uid = uid;
    inputCol = new Param<>(this, "inputCol", "image path/URI (string) or encoded bytes (binary)");
    outputCol = new Param<>(this, "outputCol", "output column: array<float> of length d");
    backbone = new Param<>(this, "backbone", "backbone spec: " + BackboneSpec.ACCEPTED);
    batchSize =
        new IntParam(
            this, "batchSize", "images per forward pass", ParamValidators.inRange(1, 4096));
    setDefault(inputCol, "path");
    setDefault(outputCol, "features");
    setDefault(backbone, "random-resnet18:0");
    setDefault(batchSize, ExtractOptions.DEFAULT_BATCH_SIZE);
  }

  /** Spark ML persistence: what {@code Pipeline.load} calls for a saved stage of this class. */
  public static MLReader<FeatureExtractorTransformer> read() {
    return new DefaultParamsReader<>();
  }

  /** Loads a transformer saved with {@code write().save(path)}. */
  public static FeatureExtractorTransformer load(String path) {
    return read().load(path);
  }

  @Override
  public String uid() {
    return uid;
  }

  public Param<String> inputCol() {
    return inputCol;
  }

  public Param<String> outputCol() {
    return outputCol;
  }

  public Param<String> backbone() {
    return backbone;
  }

  public IntParam batchSize() {
    return batchSize;
  }

  public FeatureExtractorTransformer setInputCol(String v) {
    set(inputCol, v);
    return this;
  }

  public FeatureExtractorTransformer setOutputCol(String v) {
    set(outputCol, v);
    return this;
  }

  /** Checks the spec now, so that a typo fails before any job runs. */
  public FeatureExtractorTransformer setBackbone(String spec) {
    BackboneSpec.parse(spec);
    set(backbone, spec);
    return this;
  }

  public FeatureExtractorTransformer setBatchSize(int v) {
    set(batchSize, v);
    return this;
  }

  @Override
  public StructType transformSchema(StructType schema) {
    String in = $(inputCol);
    String out = $(outputCol);
    if (!Arrays.asList(schema.fieldNames()).contains(in)) {
      throw new BadInputException(
          "inputCol '"
              + in
              + "' is not a column; columns: "
              + Arrays.toString(schema.fieldNames()));
    }
    DataType type = schema.apply(in).dataType();
    if (!type.equals(DataTypes.StringType) && !type.equals(DataTypes.BinaryType)) {
      throw new BadInputException(
          "inputCol '"
              + in
              + "' has type "
              + type.simpleString()
              + "; expected string (image path or URI) or binary (image bytes)");
    }
    if (Arrays.asList(schema.fieldNames()).contains(out)) {
      throw new BadInputException("outputCol '" + out + "' already exists");
    }
    return schema.add(
        new StructField(
            out, DataTypes.createArrayType(DataTypes.FloatType, false), false, Metadata.empty()));
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    StructType outSchema = transformSchema(dataset.schema());
    SparkSession spark = dataset.sparkSession();
    BackboneLoader loader =
        BackboneLoader.describe(
            BackboneSpec.parse($(backbone)), spark.sparkContext().hadoopConfiguration(), "");
    int index = dataset.schema().fieldIndex($(inputCol));
    boolean binary = dataset.schema().apply($(inputCol)).dataType().equals(DataTypes.BinaryType);
    TransformerPartition fn =
        new TransformerPartition(
            loader,
            index,
            binary,
            (Integer) $(batchSize),
            spark.sparkContext().hadoopConfiguration());
    return spark.createDataFrame(dataset.toDF().javaRDD().mapPartitions(fn), outSchema);
  }

  @Override
  public FeatureExtractorTransformer copy(ParamMap extra) {
    return defaultCopy(extra);
  }
}
