package dev.silica.synth;

import java.util.List;
import java.util.Locale;

/**
 * Renders one or more {@link ResourceTable}s of the same device as a text table, side by side
 * (Yosys beside the estimate), with the device capacity, percentages, the longest path, the
 * estimated clock frequency and the fits / does-not-fit verdict, and the delay model used.
 */
public final class ResourceReport {

  private static final int LABEL = 26;
  private static final int CAPACITY = 9;
  private static final int COLUMN = 22;

  private ResourceReport() {}

  /** The tables as text; all must be of the same device. */
  public static String render(List<ResourceTable> tables) {
    if (tables.isEmpty()) {
      throw new IllegalArgumentException("no table to render");
    }
    Device device = tables.get(0).device();
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "%-" + LABEL + "s%" + CAPACITY + "s", "Resources on " + device.name(), "capacity"));
    tables.forEach(t -> s.append(String.format(Locale.ROOT, "%" + COLUMN + "s", t.source())));
    s.append('\n');
    for (Resource r : Resource.values()) {
      s.append(String.format(Locale.ROOT, "%-" + LABEL + "s%," + CAPACITY + "d", r.label(), device.capacity(r)));
      tables.forEach(
          t -> s.append(String.format(Locale.ROOT, "%" + COLUMN + "s", String.format(Locale.ROOT, "%,d (%5.1f%%)", t.used(r), t.percent(r)))));
      s.append('\n');
    }
    row(s, "Longest path (levels)", tables, t -> t.depth().map(d -> String.valueOf(d.levels())).orElse("-"));
    row(s, "Estimated Fmax", tables, t -> t.depth().map(d -> String.format(Locale.ROOT, "%.0f MHz", d.fmaxMhz())).orElse("-"));
    row(s, "Verdict", tables, t -> t.fits() ? "fits" : "DOES NOT FIT");
    tables.stream().filter(t -> !t.fits()).forEach(t -> s.append(t.source()).append(" over capacity: ").append(t.overflow()).append('\n'));
    s.append("Delay model: ").append(LogicDepth.model()).append('\n');
    return s.toString();
  }

  private static void row(StringBuilder s, String label, List<ResourceTable> tables, java.util.function.Function<ResourceTable, String> cell) {
    s.append(String.format(Locale.ROOT, "%-" + LABEL + "s%" + CAPACITY + "s", label, ""));
    tables.forEach(t -> s.append(String.format(Locale.ROOT, "%" + COLUMN + "s", cell.apply(t))));
    s.append('\n');
  }
}
