package org.deepslda.data;

import java.util.Collection;

/** The {@code README.txt} a synthetic CORe50 root carries: what it is and what it lacks. */
final class SynthReadme {
  private SynthReadme() {}

  static String text(SynthOptions opts, Collection<String> skipped) {
    StringBuilder t = new StringBuilder();
    t.append("Synthetic CORe50 data set written by 'slda synth'. NOT the real CORe50.\n\n");
    t.append("Same layout as CORe50: images core50_<size>x<size>/sS/oO/C_SS_OO_FFF.png,\n");
    t.append("filelists batches_filelists/{NI,NC,NIC}_inc{,_cat}/runR/ and\n");
    t.append("NIC_v2_{79,196,391}{,_cat}/runR/, lines '<image path> <label>'.\n\n");
    t.append("seed                 ").append(opts.seed()).append('\n');
    t.append("categories           ").append(opts.categories()).append('\n');
    t.append("objects per category ").append(opts.objectsPerCategory()).append('\n');
    t.append("frames per video     ").append(opts.frames()).append('\n');
    t.append("image sizes          ").append(opts.imageSizes()).append('\n');
    t.append("runs                 0 to ").append(opts.runs() - 1).append("\n\n");
    t.append("Sessions 1-11; training sessions 1,2,4,5,6,8,9,11; test sessions 3,7,10.\n");
    t.append("Category c holds objects 5c+1 onward (CORe50 numbering). Object labels are\n");
    t.append("c * objects_per_category + j for the j-th object of category c; category\n");
    t.append("labels are c. Shape = category; colour and texture = object; background,\n");
    t.append("lighting, position and scale = session; small drift and turn = frame.\n\n");
    if (skipped.isEmpty()) {
      t.append("Every scenario was written.\n");
    } else {
      t.append("Scenarios NOT written (too few objects or videos):\n");
      skipped.forEach(s -> t.append("  ").append(s).append('\n'));
    }
    return t.toString();
  }
}
