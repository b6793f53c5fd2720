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
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The exploration's findings in a few lines, all computed from the results: how many points were
 * valid and fit the device, what the estimate of one point took, the Pareto fronts, and where fewer
 * bits did not give a lower latency or fewer LUTs on the same accelerator shape.
 */
public final class ExploreSummary {

  /** Examples listed per kind of finding. */
  private static final int EXAMPLES = 4;

  private ExploreSummary() {}

  /** The summary of {@code results} with their fronts, at {@code clockMhz}. */
  public static ImmutableList<String> lines(List<PointResult> results, List<PointResult> latencyFront,
      List<PointResult> rmseFront, double clockMhz) {
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
    lines.add("Pareto front of the points that fit, latency vs LUT (" + count(latencyFront.size(), "point")
        + "; LUT estimate / Yosys where checked):");
    latencyFront.forEach(r -> lines.add("  " + describe(r, clockMhz)));
    if (!rmseFront.isEmpty()) {
      lines.add("Pareto front of the points that fit, RMSE vs latency (" + count(rmseFront.size(), "point") + "):");
      rmseFront.forEach(r -> lines.add(String.format(Locale.ROOT, "  %s  rmse %.4f", describe(r, clockMhz),
          r.rmse().getAsDouble())));
    }
    lines.addAll(fewerBitsNotLower(valid, PointResult::cycles, "latency", "cycles"));
    lines.addAll(fewerBitsNotLower(valid, r -> r.lut(), "LUT", "LUT"));
    return ImmutableList.copyOf(lines);
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String describe(PointResult r, double clockMhz) {
    String lut = r.lut() + r.yosys().map(y -> " / " + y.used(Resource.LUT)).orElse("");
    return String.format(Locale.ROOT, "%-30s %6.1f us %,8d cycles  LUT %-13s DSP %2d  BRAM %4.1f%s", r.point().label(),
        r.latencyUs(clockMhz), r.cycles(), lut, r.estimate().used(Resource.DSP48E1), r.estimate().blockRamSites(),
        r.fits() ? "" : "  does not fit");
  }

  private static Map<String, Long> invalidReasons(List<PointResult> results) {
    return results.stream().filter(r -> !r.valid())
        .collect(Collectors.groupingBy(r -> r.invalid().get(), TreeMap::new, Collectors.counting()));
  }

  /**
   * Compares every accelerator shape at neighbouring widths (same window, d_model, array,
   * multiplier and storage): the pairs where the narrower one's {@code metric} is not lower; nothing
   * when no shape was explored at two widths.
   */
  static List<String> fewerBitsNotLower(List<PointResult> valid, ToLongFunction<PointResult> metric, String name,
      String unit) {
    Map<DesignPoint, List<PointResult>> byShape = new LinkedHashMap<>();
    for (PointResult r : valid) {
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
        if (metric.applyAsLong(fewer) >= metric.applyAsLong(more)) {
          notLower++;
          if (examples.size() < EXAMPLES) {
            examples.add(String.format(Locale.ROOT, "  %s: %,d %s at %d bits, %,d at %d bits", shapeLabel(fewer),
                metric.applyAsLong(fewer), unit, fewer.point().bits(), metric.applyAsLong(more), more.point().bits()));
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
