package dev.silica.examples.explore;

import com.google.common.collect.ImmutableList;
import dev.silica.synth.Resource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The exploration's findings in a few lines, all computed from the results: how many points were
 * valid and fit the device, what the estimate of one point took, which points' energy was
 * simulated and its range, the Pareto fronts, and where fewer bits did not give a lower latency,
 * fewer LUTs or a lower energy on the same accelerator shape.
 */
public final class ExploreSummary {

  /** Examples listed per kind of finding. */
  private static final int EXAMPLES = 4;

  private ExploreSummary() {}

  /** The summary of {@code results} with their {@code fronts}, at {@code clockMhz}. */
  public static ImmutableList<String> lines(List<PointResult> results, ExploreFronts fronts, double clockMhz) {
    List<String> lines = new ArrayList<>();
    List<PointResult> valid = results.stream().filter(PointResult::valid).toList();
    lines.add(String.format(Locale.ROOT, "%d points: %d valid (%d fit the XC7S15), %d invalid", results.size(),
        valid.size(), valid.stream().filter(PointResult::fits).count(), results.size() - valid.size()));
    invalidReasons(results).forEach((reason, count) -> lines.add("  invalid x" + count + ": " + reason));
    double[] millis = valid.stream().mapToDouble(PointResult::estimateMillis).sorted().toArray();
    if (millis.length > 0) {
      lines.add(String.format(Locale.ROOT, "estimate per valid point (compile, elaborate, optimize, estimate):"
          + " median %.0f ms, max %.0f ms", millis[millis.length / 2], millis[millis.length - 1]));
    }
    List<PointResult> checked = valid.stream().filter(r -> r.yosys().isPresent() || r.yosysFailure().isPresent())
        .toList();
    if (!checked.isEmpty()) {
      List<String> failures = checked.stream().flatMap(r -> r.yosysFailure().stream()).toList();
      lines.add(String.format(Locale.ROOT, "Yosys checked %d points, %d failed%s", checked.size(), failures.size(),
          failures.isEmpty() ? "" : " (" + failures.get(0) + ")"));
    }
    List<PointResult> withEnergy = valid.stream().filter(r -> r.energy().isPresent()).toList();
    lines.add(energy(withEnergy, ExploreFronts.fitting(results).size()));
    lines.add("Pareto front of the points that fit, latency vs LUT (" + count(fronts.latencyLut().size(), "point")
        + "; LUT estimate / Yosys where checked):");
    fronts.latencyLut().forEach(r -> lines.add("  " + describe(r, clockMhz)));
    if (!fronts.rmseLatency().isEmpty()) {
      lines.add("Pareto front of the points that fit, RMSE vs latency (" + count(fronts.rmseLatency().size(), "point")
          + "):");
      fronts.rmseLatency().forEach(r -> lines.add("  " + describe(r, clockMhz) + rmse(r)));
    }
    if (!fronts.energyRmse().isEmpty()) {
      lines.add("Pareto front of the points that fit, energy vs RMSE (" + count(fronts.energyRmse().size(), "point")
          + "):");
      fronts.energyRmse().forEach(r -> lines.add("  " + describe(r, clockMhz) + rmse(r)));
    }
    lines.addAll(fewerBitsNotLower(valid, PointResult::cycles, "latency", v -> String.format(Locale.ROOT,
        "%,.0f cycles", v)));
    lines.addAll(fewerBitsNotLower(valid, r -> r.lut(), "LUT", v -> String.format(Locale.ROOT, "%,.0f LUT", v)));
    lines.addAll(fewerBitsNotLower(withEnergy, PointResult::millijoules, "energy", v -> String.format(Locale.ROOT,
        "%.5f mJ", v)));
    return ImmutableList.copyOf(lines);
  }

  /** For how many points energy was simulated, the range of their energies and whether their inferences were exact. */
  private static String energy(List<PointResult> withEnergy, int fitting) {
    if (withEnergy.isEmpty()) {
      return "energy per inference: not simulated (" + count(fitting, "fitting point") + ")";
    }
    List<PointEnergy> energies = withEnergy.stream().map(r -> r.energy().get()).toList();
    double[] mj = energies.stream().mapToDouble(PointEnergy::millijoules).sorted().toArray();
    return String.format(Locale.ROOT, "energy per inference (as silica energy) simulated for %d of %s: %.5f to %.5f"
        + " mJ, median %.5f; %d of %d simulated inferences bit-exact", withEnergy.size(),
        count(fitting, "fitting point"), mj[0], mj[mj.length - 1], mj[mj.length / 2],
        energies.stream().mapToInt(PointEnergy::agreeing).sum(),
        energies.stream().mapToInt(PointEnergy::windows).sum());
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String describe(PointResult r, double clockMhz) {
    String lut = r.lut() + r.yosys().map(y -> " / " + y.used(Resource.LUT)).orElse("");
    return String.format(Locale.ROOT, "%-30s %6.1f us %,8d cycles  LUT %-13s DSP %2d  BRAM %4.1f%s%s",
        r.point().label(), r.latencyUs(clockMhz), r.cycles(), lut, r.estimate().used(Resource.DSP48E1),
        r.estimate().blockRamSites(), r.energy().map(e -> "  " + e.millijoulesText() + " mJ").orElse(""),
        r.fits() ? "" : "  does not fit");
  }

  private static String rmse(PointResult r) {
    return String.format(Locale.ROOT, "  rmse %.4f", r.rmse().getAsDouble());
  }

  private static Map<String, Long> invalidReasons(List<PointResult> results) {
    return results.stream().filter(r -> !r.valid())
        .collect(Collectors.groupingBy(r -> r.invalid().get(), TreeMap::new, Collectors.counting()));
  }

  /**
   * Compares every accelerator shape among {@code results} at neighbouring widths (same window,
   * d_model, array, multiplier and storage): the pairs where the narrower one's {@code metric} is
   * not lower, values shown by {@code show}; nothing when no shape was explored at two widths.
   */
  static List<String> fewerBitsNotLower(List<PointResult> results, ToDoubleFunction<PointResult> metric, String name,
      DoubleFunction<String> show) {
    Map<DesignPoint, List<PointResult>> byShape = new LinkedHashMap<>();
    for (PointResult r : results) {
      DesignPoint p = r.point();
      DesignPoint shape = new DesignPoint(0, p.window(), p.dModel(), p.rows(), p.cols(), p.multiplier(), p.storage());
      byShape.computeIfAbsent(shape, s -> new ArrayList<>()).add(r);
    }
    int pairs = 0;
    List<String> examples = new ArrayList<>();
    int notLower = 0;
    for (List<PointResult> widths : byShape.values()) {
      widths.sort(Comparator.comparingInt(r -> r.point().bits()));
      for (int i = 0; i + 1 < widths.size(); i++) {
        PointResult fewer = widths.get(i);
        PointResult more = widths.get(i + 1);
        pairs++;
        if (metric.applyAsDouble(fewer) >= metric.applyAsDouble(more)) {
          notLower++;
          if (examples.size() < EXAMPLES) {
            examples.add(String.format(Locale.ROOT, "  %s: %s at %d bits, %s at %d bits", shapeLabel(fewer),
                show.apply(metric.applyAsDouble(fewer)), fewer.point().bits(), show.apply(metric.applyAsDouble(more)),
                more.point().bits()));
          }
        }
      }
    }
    List<String> lines = new ArrayList<>();
    if (pairs == 0) {
      return lines;
    }
    lines.add(String.format(Locale.ROOT, "fewer bits did not lower %s in %d of %d comparisons (same shape,"
        + " neighbouring widths)%s", name, notLower, pairs, notLower > 0 ? ", e.g." : ""));
    lines.addAll(examples);
    return lines;
  }

  private static String shapeLabel(PointResult r) {
    DesignPoint p = r.point();
    return "w" + p.window() + " d" + p.dModel() + " " + p.rows() + "x" + p.cols() + " " + p.multiplierName() + " "
        + p.storage().mnemonic();
  }
}
