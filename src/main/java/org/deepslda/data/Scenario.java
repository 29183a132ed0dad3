package org.deepslda.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.deepslda.common.BadInputException;

/**
 * The CORe50 benchmark scenarios (Lomonaco and Maltoni, CoRL 2017; NICv2 from Lomonaco et al.,
 * CVPRW 2020), each with its fixed number of training batches and the folder its filelists ship in.
 * NI: new instances of all classes, one batch per training session. NC: new classes, disjoint class
 * sets. NIC and NICv2: new instances and new classes, a first batch of several classes then small
 * batches of (object, session) videos.
 */
public enum Scenario {
  NI("ni", 8, "batches_filelists/NI_inc"),
  NC("nc", 9, "batches_filelists/NC_inc"),
  NIC("nic", 79, "batches_filelists/NIC_inc"),
  NICV2_79("nicv2_79", 79, "NIC_v2_79"),
  NICV2_196("nicv2_196", 196, "NIC_v2_196"),
  NICV2_391("nicv2_391", 391, "NIC_v2_391");

  private final String cliName;
  private final int batches;
  private final String folder;

  Scenario(String cliName, int batches, String folder) {
    this.cliName = cliName;
    this.batches = batches;
    this.folder = folder;
  }

  /**
   * The scenario a {@code --scenario} value names, case-insensitively.
   *
   * @throws BadInputException naming the flag, the value and the allowed values
   */
  public static Scenario parse(String cliName) {
    String wanted = cliName == null ? "" : cliName.trim().toLowerCase(Locale.ROOT);
    for (Scenario s : values()) {
      if (s.cliName.equals(wanted)) {
        return s;
      }
    }
    throw new BadInputException(
        "--scenario: unknown scenario '" + cliName + "'; expected one of " + allowedNames());
  }

  /** The allowed {@code --scenario} values, comma separated. */
  public static String allowedNames() {
    return Arrays.stream(values()).map(Scenario::cliName).collect(Collectors.joining(", "));
  }

  /** The lower-case name the command line uses ({@code nicv2_79}). */
  public String cliName() {
    return cliName;
  }

  /** Number of training batches (experiences) CORe50 defines for this scenario. */
  public int batches() {
    return batches;
  }

  /**
   * The filelist folder relative to the dataset root, without the run: {@code
   * batches_filelists/NC_inc}, or {@code NIC_v2_79_cat} at category level.
   */
  public String filelistFolder(LabelLevel level) {
    return folder + (level == LabelLevel.CATEGORY ? "_cat" : "");
  }

  /** The last path segment of {@link #filelistFolder}: {@code NC_inc}, {@code NIC_v2_79_cat}. */
  public String folderName(LabelLevel level) {
    String f = filelistFolder(level);
    return f.substring(f.lastIndexOf('/') + 1);
  }

  /** True for the NICv2 scenarios, whose folders sit at the root, not in batches_filelists. */
  public boolean isNicV2() {
    return folder.startsWith("NIC_v2");
  }
}
