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
    return render(tables(design));
  }

  /** Yosys's table (where Yosys is installed) first, then the estimator's. */
  static ImmutableList<ResourceTable> tables(Design design) {
    ResourceTable estimate = Estimator.estimate(design);
    Optional<YosysSynth> yosys = YosysSynth.find();
    if (yosys.isEmpty()) {
      return ImmutableList.of(estimate);
    }
    try {
      return ImmutableList.of(yosys.get().synthesize(design).table(), estimate);
    } catch (IOException e) {
      throw new UserError("yosys failed: " + e.getMessage());
    }
  }

  /** The tables side by side, with a note when Yosys's is missing. */
  static String render(ImmutableList<ResourceTable> tables) {
    String rendered = ResourceReport.render(tables);
    return tables.size() > 1 ? rendered
        : rendered + "Note: yosys is not installed, so this is the estimate from the IR alone.\n";
  }
}
