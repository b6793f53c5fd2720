package dev.silica.synth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The longest chain of combinational cells (LUTn, INV, CARRY4, MUXF7/8) in a design mapped to
 * Xilinx primitives, read from Yosys's {@code write_blif -impltf}. Every other cell (flip-flops,
 * block RAM, DSP48E1, distributed RAM) and every top input starts a path at level 0; buffers
 * ({@code .names} lines) add nothing. A CARRY4 counts as one level.
 */
final class MappedNetlistDepth {

  private record Cell(List<String> inputs) {}

  /** The combinational cell driving each net, and buffer aliases. */
  private final Map<String, Cell> driver = new HashMap<>();

  private final Map<String, List<String>> aliasOf = new HashMap<>();
  private final Map<String, Integer> levels = new HashMap<>();
  private final Set<String> visiting = new HashSet<>();

  private MappedNetlistDepth(String blif) {
    String[] lines = blif.replace("\\\n", " ").split("\n");
    for (String line : lines) {
      String[] words = line.trim().split("\\s+");
      if (words[0].equals(".subckt") && isCombinational(words[1])) {
        addCell(words);
      } else if (words[0].equals(".names") && words.length >= 3) {
        List<String> sources = List.of(words).subList(1, words.length - 1);
        aliasOf.put(words[words.length - 1], sources);
      }
    }
  }

  /** The number of levels on the longest combinational path of the BLIF netlist. */
  static int levels(String blif) {
    MappedNetlistDepth d = new MappedNetlistDepth(blif);
    int longest = 0;
    for (String net : new ArrayList<>(d.driver.keySet())) {
      longest = Math.max(longest, d.level(net));
    }
    return longest;
  }

  private static boolean isCombinational(String type) {
    return type.matches("LUT[1-6]|INV|CARRY4|MUXF[78]");
  }

  private void addCell(String[] words) {
    List<String> inputs = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    for (int i = 2; i < words.length; i++) {
      int eq = words[i].indexOf('=');
      String pin = words[i].substring(0, eq);
      String net = words[i].substring(eq + 1);
      (pin.startsWith("O") || pin.startsWith("CO") ? outputs : inputs).add(net);
    }
    Cell cell = new Cell(inputs);
    outputs.forEach(o -> driver.put(o, cell));
  }

  private int level(String net) {
    Integer known = levels.get(net);
    if (known != null) {
      return known;
    }
    if (!visiting.add(net)) {
      return 0;
    }
    int level = 0;
    Cell cell = driver.get(net);
    if (cell != null) {
      level = 1 + cell.inputs().stream().mapToInt(this::level).max().orElse(0);
    } else if (aliasOf.containsKey(net)) {
      level = aliasOf.get(net).stream().mapToInt(this::level).max().orElse(0);
    }
    visiting.remove(net);
    levels.put(net, level);
    return level;
  }
}
