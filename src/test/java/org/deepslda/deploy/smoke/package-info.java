/**
 * A self-contained Spark application that the cluster tests package into a jar of its own and
 * submit; it depends on nothing but Spark.
 */
package org.deepslda.deploy.smoke;
