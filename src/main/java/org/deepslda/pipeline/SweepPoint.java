package org.deepslda.pipeline;

import java.io.Serializable;
import java.math.BigDecimal;
import org.deepslda.data.LabelLevel;
import org.deepslda.data.Scenario;

/**
 * One grid point of a sweep: a stream (scenario, run, label level) and the SLDA settings it is
 * learned with. Each point is an independent experiment with its own model and evaluation.
 *
 * @param scenario the CORe50 scenario
 * @param run 0-9
 * @param level object or category labels
 * @param shrinkage eps of the shrunk covariance, in (0, 1]
 * @param plasticCov whether the stream updates the covariance
 * @param maskUnseen whether classes never seen are excluded from prediction
 */
public record SweepPoint(
    Scenario scenario,
    int run,
    LabelLevel level,
    double shrinkage,
    boolean plasticCov,
    boolean maskUnseen)
    implements Serializable {

  /**
   * The point's folder name, {@code <scenario>-run<R>-shr<eps>-cov<plastic|fixed>-mask<on|off>},
   * with eps in a canonical short form ({@code 1e-4}, {@code 2.5e-3}), so that {@code 1e-4} and
   * {@code 0.0001} name the same folder. The level is the same for the whole sweep and is not in
   * the name.
   */
  public String name() {
    return scenario.cliName()
        + "-run"
        + run
        + "-shr"
        + shortNumber(shrinkage)
        + "-cov"
        + (plasticCov ? "plastic" : "fixed")
        + "-mask"
        + (maskUnseen ? "on" : "off");
  }

  /** The hyper-parameters alone, as a curve label: {@code shr=1e-4 cov=plastic mask=off}. */
  public String settingLabel() {
    return "shr="
        + shortNumber(shrinkage)
        + " cov="
        + (plasticCov ? "plastic" : "fixed")
        + " mask="
        + (maskUnseen ? "on" : "off");
  }

  /** A positive number as {@code <mantissa>e<exponent>}: 1e-4, 2.5e-3, 1e0. */
  static String shortNumber(double value) {
    BigDecimal v = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    int exponent = v.precision() - v.scale() - 1;
    String mantissa = v.movePointLeft(exponent).stripTrailingZeros().toPlainString();
    return mantissa + "e" + exponent;
  }
}
