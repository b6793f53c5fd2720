package dev.silica.examples.explore;

import dev.silica.synth.Resource;
import dev.silica.synth.ResourceTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The exploration as CSV, one row per point: its axes, its model, whether it is valid (and why
 * not), the estimated and (where checked) Yosys resources or why Yosys failed, whether it fits the device, cycles,
 * latency, energy per inference and how many of its simulated windows were bit-exact (where simulated), RMSE, and
 * its membership of the Pareto fronts. Fields that do not apply or were not measured are empty, never zero.
 */
public final class PointsCsv {

  /** The header row. */
  public static final List<String> COLUMNS = List.of("bits", "window", "d_model", "rows", "cols", "multiplier",
      "storage", "model", "status", "lut_est", "ff_est", "dsp_est", "bram_est", "lut_yosys", "ff_yosys", "dsp_yosys",
      "bram_yosys", "yosys_status", "fits", "cycles", "latency_us", "energy_mj", "energy_exact", "rmse",
      "pareto_latency_lut", "pareto_rmse_latency", "pareto_energy_rmse", "estimate_ms");

  private PointsCsv() {}

  /** The CSV text of {@code results} at {@code clockMhz}, with their membership of {@code fronts}. */
  public static String render(List<PointResult> results, ExploreFronts fronts, double clockMhz) {
    StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append('\n');
    for (PointResult r : results) {
      csv.append(String.join(",", row(r, fronts, clockMhz))).append('\n');
    }
    return csv.toString();
  }

  private static List<String> row(PointResult r, ExploreFronts fronts, double clockMhz) {
    DesignPoint p = r.point();
    List<String> fields = new ArrayList<>(List.of("" + p.bits(), "" + p.window(), "" + p.dModel(), "" + p.rows(),
        "" + p.cols(), p.multiplierName(), p.storage().mnemonic(), quoted(r.model()),
        quoted(r.invalid().map(reason -> "invalid: " + reason).orElse("ok"))));
    fields.addAll(resources(Optional.ofNullable(r.estimate())));
    fields.addAll(resources(r.yosys()));
    fields.add(quoted(r.yosys().isPresent() ? "ok" : r.yosysFailure().map(f -> "failed: " + f).orElse("")));
    boolean valid = r.valid();
    fields.add(valid ? (r.fits() ? "yes" : "no") : "");
    fields.add(valid ? "" + r.cycles() : "");
    fields.add(valid ? String.format(Locale.ROOT, "%.3f", r.latencyUs(clockMhz)) : "");
    fields.add(r.energy().map(PointEnergy::millijoulesText).orElse(""));
    fields.add(r.energy().map(PointEnergy::exact).orElse(""));
    fields.add(r.rmse().isPresent() ? String.format(Locale.ROOT, "%.4f", r.rmse().getAsDouble()) : "");
    fields.add(valid ? flag(fronts.latencyLut().contains(r)) : "");
    fields.add(valid && r.rmse().isPresent() ? flag(fronts.rmseLatency().contains(r)) : "");
    fields.add(r.energy().isPresent() && r.rmse().isPresent() ? flag(fronts.energyRmse().contains(r)) : "");
    fields.add(String.format(Locale.ROOT, "%.1f", r.estimateMillis()));
    return fields;
  }

  private static List<String> resources(Optional<ResourceTable> table) {
    return table.map(t -> List.of("" + t.used(Resource.LUT), "" + t.used(Resource.FF), "" + t.used(Resource.DSP48E1),
        String.format(Locale.ROOT, "%.1f", t.blockRamSites()))).orElse(List.of("", "", "", ""));
  }

  private static String flag(boolean on) {
    return on ? "1" : "0";
  }

  /** A field in double quotes when it holds a comma, quote or line break (RFC 4180), quotes doubled. */
  static String quoted(String field) {
    if (field.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
