package dev.silica.testbench.tools;

import dev.silica.synth.Estimator;
import dev.silica.synth.Resource;
import dev.silica.synth.ResourceTable;
import java.util.List;
import java.util.Locale;

/** One design's estimated resource table beside the one Yosys measured, and how far apart they are. */
record EstimateVersusYosys(GeneratorCases.Case design, ResourceTable yosys, ResourceTable estimate) {

  /** The resources the estimate must match exactly. */
  static final List<Resource> EXACT = List.of(Resource.DSP48E1, Resource.RAMB18, Resource.RAMB36);

  /** The resources the estimate must come close to. */
  static final List<Resource> APPROXIMATE = List.of(Resource.LUT, Resource.FF);

  /** Synthesizes (once per JVM) and estimates {@code c}. */
  static EstimateVersusYosys of(GeneratorCases.Case c) {
    return new EstimateVersusYosys(c, SynthesisRuns.of(c).table(), Estimator.estimate(c.design()));
  }

  /** (estimate - Yosys) / Yosys in percent; 0 when both are 0, and against 1 when Yosys has none. */
  double errorPercent(Resource r) {
    int y = yosys.used(r);
    return 100.0 * (estimate.used(r) - y) / Math.max(1, y);
  }

  /** The absolute difference in elements. */
  int difference(Resource r) {
    return Math.abs(estimate.used(r) - yosys.used(r));
  }

  static String header() {
    return String.format(Locale.ROOT, "%-96s %17s %17s %7s %9s %9s %7s%n",
        "design", "LUT yosys/est err", "FF yosys/est err", "DSP", "RAMB18", "RAMB36", "levels");
  }

  String row() {
    return String.format(Locale.ROOT, "%-96s %5d/%-5d %+5.1f%% %5d/%-5d %+5.1f%% %3d/%-3d %4d/%-4d %4d/%-4d %3d/%-3d%n",
        design,
        yosys.used(Resource.LUT), estimate.used(Resource.LUT), errorPercent(Resource.LUT),
        yosys.used(Resource.FF), estimate.used(Resource.FF), errorPercent(Resource.FF),
        yosys.used(Resource.DSP48E1), estimate.used(Resource.DSP48E1),
        yosys.used(Resource.RAMB18), estimate.used(Resource.RAMB18),
        yosys.used(Resource.RAMB36), estimate.used(Resource.RAMB36),
        yosys.depth().orElseThrow().levels(), estimate.depth().orElseThrow().levels());
  }
}
