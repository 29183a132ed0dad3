package org.deepslda.features;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.deepslda.common.BadInputException;
import org.deepslda.common.EnvironmentException;
import org.deepslda.common.HadoopFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of a feature store (format version 1):
 *
 * <pre>
 * STORE/_backbone.json                 the {@link BackboneDescriptor}
 * STORE/parts/cYYYYMMDDTHHMMSSZ-<8 hex>/  one commit per ensure call: Parquet part files and
 *                                         the _SUCCESS marker of Spark's commit protocol
 * </pre>
 *
 * A commit folder counts only once its {@code _SUCCESS} marker exists: a job that died half-way
 * never contributes rows. Commit names sort by creation time.
 */
final class StoreLayout {
  private static final Logger LOG = LoggerFactory.getLogger(StoreLayout.class);
  static final String DESCRIPTOR = "_backbone.json";
  static final String PARTS = "parts";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

  /** One row per image. */
  static final StructType SCHEMA =
      new StructType()
          .add("path", DataTypes.StringType, false)
          .add("session", DataTypes.IntegerType, false)
          .add("object", DataTypes.IntegerType, false)
          .add("category", DataTypes.IntegerType, false)
          .add("frame", DataTypes.IntegerType, false)
          .add("features", DataTypes.createArrayType(DataTypes.FloatType, false), false);

  private StoreLayout() {}

  static String descriptorUri(String store) {
    return HadoopFiles.join(store, DESCRIPTOR);
  }

  static String commitUri(String store, String commit) {
    return HadoopFiles.join(HadoopFiles.join(store, PARTS), commit);
  }

  static String newCommitName() {
    String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(STAMP);
    return "c" + stamp + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The store's descriptor, or null for a new store. */
  static BackboneDescriptor readDescriptor(String store, Configuration conf) {
    String uri = descriptorUri(store);
    if (!HadoopFiles.exists(uri, conf)) {
      return null;
    }
    byte[] bytes = HadoopFiles.readAllBytes(uri, conf);
    return BackboneDescriptor.fromJson(new String(bytes, StandardCharsets.UTF_8), uri);
  }

  static void writeDescriptor(String store, BackboneDescriptor d, Configuration conf) {
    HadoopFiles.writeStringAtomically(descriptorUri(store), conf, d.toJson());
  }

  /** URIs of the complete commits, oldest first; incomplete ones are logged and ignored. */
  static List<String> completeCommits(String store, Configuration conf) {
    Path parts = new Path(HadoopFiles.join(store, PARTS));
    FileSystem fs = HadoopFiles.fs(parts, conf);
    List<String> complete = new ArrayList<>();
    try {
      FileStatus[] dirs = fs.listStatus(parts);
      java.util.Arrays.sort(dirs, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
      for (FileStatus d : dirs) {
        if (!d.isDirectory()
            || d.getPath().getName().startsWith("_")
            || d.getPath().getName().startsWith(".")) {
          continue;
        }
        if (fs.exists(new Path(d.getPath(), "_SUCCESS"))) {
          complete.add(d.getPath().toString());
        } else {
          LOG.warn(
              "feature store {}: ignoring incomplete commit {} (no _SUCCESS marker: its job"
                  + " did not finish); it can be deleted",
              store,
              d.getPath());
        }
      }
    } catch (FileNotFoundException e) {
      return complete;
    } catch (IOException e) {
      throw new EnvironmentException("cannot list feature store " + parts + ": " + e, e);
    }
    return complete;
  }

  /** Refuses a store that has rows but no descriptor (damaged, or not written by slda). */
  static void requireDescriptorIfRows(String store, BackboneDescriptor d, List<String> commits) {
    if (d == null && !commits.isEmpty()) {
      throw new BadInputException(
          "feature store "
              + store
              + " has "
              + commits.size()
              + " commit(s) of rows but no "
              + DESCRIPTOR
              + "; without it the backbone of its features is unknown: delete the"
              + " store and extract again");
    }
  }
}
