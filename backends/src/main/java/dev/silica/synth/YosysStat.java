package dev.silica.synth;

import com.google.common.collect.ImmutableMap;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the cell counts of Yosys's {@code stat -tech xilinx} for a design mapped by {@code
 * synth_xilinx} and sums them into {@link Resource}s: LUTn and INV (which Vivado makes a LUT1) are
 * LUTs as logic; distributed RAM and shift-register primitives are LUTs as memory, as many as the
 * primitive occupies; FDRE/FDSE/FDCE/FDPE are flip-flops.
 */
final class YosysStat {

  private static final Pattern CELL_LINE = Pattern.compile("^\\s+([A-Z][A-Z0-9_]*)\\s+(\\d+)\\s*$");

  /** LUTs each distributed-memory primitive of the 7 series takes (UG474). */
  private static final ImmutableMap<String, Integer> LUTS_PER_MEMORY_CELL =
      ImmutableMap.<String, Integer>builder()
          .put("RAM32X1S", 1)
          .put("RAM64X1S", 1)
          .put("SRL16E", 1)
          .put("SRLC16E", 1)
          .put("SRLC32E", 1)
          .put("RAM32X1D", 2)
          .put("RAM64X1D", 2)
          .put("RAM128X1S", 2)
          .put("RAM128X1D", 4)
          .put("RAM256X1S", 4)
          .put("RAM32M", 4)
          .put("RAM64M", 4)
          .buildOrThrow();

  private YosysStat() {}

  /** The resources in a {@code stat -tech xilinx} report. */
  static ImmutableMap<Resource, Integer> parse(String statReport) {
    Map<Resource, Integer> used = new EnumMap<>(Resource.class);
    for (Resource r : Resource.values()) {
      used.put(r, 0);
    }
    for (String line : statReport.split("\n")) {
      Matcher m = CELL_LINE.matcher(line);
      if (m.matches()) {
        add(used, m.group(1), Integer.parseInt(m.group(2)));
      }
    }
    used.put(Resource.LUT, used.get(Resource.LUT_AS_LOGIC) + used.get(Resource.LUT_AS_MEMORY));
    return ImmutableMap.copyOf(used);
  }

  private static void add(Map<Resource, Integer> used, String cell, int count) {
    if (cell.matches("LUT[1-6]") || cell.equals("INV")) {
      used.merge(Resource.LUT_AS_LOGIC, count, Integer::sum);
    } else if (LUTS_PER_MEMORY_CELL.containsKey(cell)) {
      used.merge(Resource.LUT_AS_MEMORY, count * LUTS_PER_MEMORY_CELL.get(cell), Integer::sum);
    } else if (cell.matches("FD[RSCP]E")) {
      used.merge(Resource.FF, count, Integer::sum);
    } else if (cell.equals("CARRY4")) {
      used.merge(Resource.CARRY4, count, Integer::sum);
    } else if (cell.equals("DSP48E1")) {
      used.merge(Resource.DSP48E1, count, Integer::sum);
    } else if (cell.equals("RAMB18E1")) {
      used.merge(Resource.RAMB18, count, Integer::sum);
    } else if (cell.equals("RAMB36E1")) {
      used.merge(Resource.RAMB36, count, Integer::sum);
    }
  }
}
