package dev.silica.power;

import com.google.common.collect.ListMultimap;
import com.google.common.collect.Multimaps;
import dev.silica.ir.ModuleDef;
import dev.silica.verilog.VerilogNames;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes a {@link SwitchingActivity} as a SAIF 2.0 file (Switching Activity Interchange Format,
 * the backward form IEEE 1801 describes and Vivado's {@code read_saif} reads): one {@code
 * INSTANCE} per Verilog instance, named as the emitted Verilog names it, and in it one {@code NET}
 * entry per bit of every net the Verilog declares for a recorded signal ({@code acc\[3\]}; a
 * one-bit net by its bare name), plus the clock {@code clk} at the top of a design with state.
 *
 * <p>Per net: {@code T0} and {@code T1}, the time spent at 0 and at 1, {@code TX} 0 (a two-valued
 * simulation has no unknowns), {@code TC} the transitions, {@code IG} 0 (no glitches: values
 * change on clock edges only). Times are in picoseconds; one cycle lasts one clock period, and
 * {@code DURATION} is the recorded cycles times the period.
 */
public final class SaifWriter {

  private final SwitchingActivity activity;
  private final VerilogNames names;
  private final long periodPs;
  private final Appendable out;
  private final ListMultimap<String, SignalActivity> byInstance;
  private int nets;

  private SaifWriter(SwitchingActivity activity, VerilogNames names, double clockMhz, Appendable out) {
    this.activity = activity;
    this.names = names;
    this.periodPs = Math.round(1e6 / clockMhz);
    this.out = out;
    this.byInstance = Multimaps.index(activity.signals().values(), s -> s.signal().path());
  }

  /**
   * Writes {@code activity}, recorded at {@code clockMhz}, for the Verilog whose names are
   * {@code names} (that of the design the activity was recorded on).
   *
   * @return the number of nets written, the clock included
   */
  public static int write(SwitchingActivity activity, VerilogNames names, double clockMhz, Writer out) throws IOException {
    if (!(clockMhz > 0)) {
      throw new IllegalArgumentException("the clock must be positive, not " + clockMhz + " MHz");
    }
    SaifWriter w = new SaifWriter(activity, names, clockMhz, out);
    w.write();
    return w.nets;
  }

  private void write() throws IOException {
    InstanceTree top = activity.hierarchy();
    String topName = names.module(top.module().name());
    long duration = activity.cycles() * periodPs;
    out.append("(SAIFILE\n")
        .append("  (SAIFVERSION \"2.0\")\n")
        .append("  (DIRECTION \"backward\")\n")
        .append("  (DESIGN \"").append(topName).append("\")\n")
        .append("  (VENDOR \"Silica\")\n")
        .append("  (PROGRAM_NAME \"silica\")\n")
        .append("  (DIVIDER / )\n")
        .append("  (TIMESCALE 1 ps)\n")
        .append("  (DURATION ").append(Long.toString(duration)).append(")\n");
    instance(top, topName, 1, true);
    out.append(")\n");
  }

  private void instance(InstanceTree tree, String verilogName, int depth, boolean isTop) throws IOException {
    String indent = "  ".repeat(depth);
    out.append(indent).append("(INSTANCE ").append(verilogName).append('\n');
    StringBuilder body = new StringBuilder();
    if (isTop && activity.clocked() && activity.cycles() > 0) {
      long duration = activity.cycles() * periodPs;
      net(body, indent, "clk", duration - duration / 2, duration / 2, 2 * activity.cycles());
    }
    ModuleDef module = tree.module();
    for (SignalActivity s : byInstance.get(tree.path())) {
      Optional<String> net = names.net(module.name(), s.signal().local());
      if (net.isEmpty()) {
        continue;
      }
      for (int bit = 0; bit < s.width(); bit++) {
        String bitName = s.width() == 1 ? net.get() : net.get() + "\\[" + bit + "\\]";
        long high = s.highCycles(bit) * periodPs;
        net(body, indent, bitName, activity.cycles() * periodPs - high, high, s.toggles(bit));
      }
    }
    if (body.length() > 0) {
      out.append(indent).append("  (NET\n").append(body).append(indent).append("  )\n");
    }
    for (InstanceTree.Child child : tree.children()) {
      instance(child.tree(), names.instance(module.name(), child.instance().name()), depth + 1, false);
    }
    out.append(indent).append(")\n");
  }

  private void net(StringBuilder into, String indent, String name, long t0, long t1, long toggles) {
    nets++;
    into.append(String.format(Locale.ROOT, "%s    (%s (T0 %d) (T1 %d) (TX 0) (TC %d) (IG 0))\n", indent, name, t0, t1, toggles));
  }
}
