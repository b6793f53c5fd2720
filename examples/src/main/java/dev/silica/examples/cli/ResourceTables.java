package dev.silica.examples.cli;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.Design;
import dev.silica.synth.Estimator;
import dev.silica.synth.ResourceReport;
import dev.silica.synth.ResourceTable;
import dev.silica.synth.YosysSynth;
import java.io.IOException;
import java.util.Optional;

/** The resource report the commands print: Yosys beside the estimator, or the estimator alone with a note. */
final class ResourceTables {

  private ResourceTables() {}

  static String report(Design design) {
    ResourceTable estimate = Estimator.estimate(design);
    Optional<YosysSynth> yosys = YosysSynth.find();
    if (yosys.isEmpty()) {
      return ResourceReport.render(ImmutableList.of(estimate))
          + "Note: yosys is not installed, so this is the estimate from the IR alone.\n";
    }
    try {
      YosysSynth.Report synthesized = yosys.get().synthesize(design);
      return ResourceReport.render(ImmutableList.of(synthesized.table(), estimate));
    } catch (IOException e) {
      throw new UserError("yosys failed: " + e.getMessage());
    }
  }
}
