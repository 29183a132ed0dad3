package org.deepslda.common;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * Lets Spark's Kryo serializer carry Java records. The Kryo that Spark ships (4.x) cannot build
 * its field serializer for a record ("can't get field offset on a record class"), so a cluster
 * whose {@code spark-defaults.conf} turns Kryo on would fail the moment a record is broadcast,
 * cached or returned by a task. Every record here is {@link java.io.Serializable}; this
 * registrator makes Java serialization the default for all of them. {@link Sparks} adds it to
 * {@code spark.kryo.registrator}; it has no effect when Kryo is off.
 */
public final class RecordKryoRegistrator implements KryoRegistrator {
  @Override
  public void registerClasses(Kryo kryo) {
    kryo.addDefaultSerializer(Record.class, JavaSerializer.class);
  }
}
