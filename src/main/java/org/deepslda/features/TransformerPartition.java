package org.deepslda.features;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.SerializableConfiguration;
import org.deepslda.common.BadInputException;
import org.deepslda.common.HadoopFiles;

/** The executor side of {@link FeatureExtractorTransformer}: appends features to each row. */
final class TransformerPartition implements FlatMapFunction<Iterator<Row>, Row> {
  private static final long serialVersionUID = 1L;

  private final BackboneLoader loader;
  private final int inputIndex;
  private final boolean binary;
  private final int batchSize;
  private final SerializableConfiguration conf;

  TransformerPartition(
      BackboneLoader loader, int inputIndex, boolean binary, int batchSize, Configuration conf) {
    this.loader = loader;
    this.inputIndex = inputIndex;
    this.binary = binary;
    this.batchSize = batchSize;
    this.conf = new SerializableConfiguration(conf);
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    Configuration c = conf.value();
    BatchedExtraction<Row> results =
        new BatchedExtraction<>(
            rows,
            r ->
                binary
                    ? (byte[]) r.get(inputIndex)
                    : HadoopFiles.readAllBytes(r.getString(inputIndex), c),
            this::name,
            FeatureExtractor.shared(loader),
            batchSize);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return results.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        BatchedExtraction.Result<Row> r = results.next();
        if (r.features() == null) {
          throw new BadInputException(r.error());
        }
        Object[] values = new Object[r.item().length() + 1];
        for (int i = 0; i < r.item().length(); i++) {
          values[i] = r.item().get(i);
        }
        Float[] boxed = new Float[r.features().length];
        for (int i = 0; i < boxed.length; i++) {
          boxed[i] = r.features()[i];
        }
        values[values.length - 1] = boxed;
        return RowFactory.create(values);
      }
    };
  }

  private byte[] bytes(Row r, Configuration c) {
    if (r.isNullAt(inputIndex)) {
      throw new BadInputException(name(r) + ": the input column is null");
    }
    return binary
        ? (byte[]) r.get(inputIndex)
        : HadoopFiles.readAllBytes(r.getString(inputIndex), c);
  }

  /** The path if known (the input column, or a "path" column beside the bytes). */
  private String name(Row r) {
    if (!binary && !r.isNullAt(inputIndex)) {
      return r.getString(inputIndex);
    }
    if (r.schema() != null && java.util.Arrays.asList(r.schema().fieldNames()).contains("path")) {
      return String.valueOf(r.<Object>getAs("path"));
    }
    return "the image in column " + inputIndex + " of a row";
  }
}
