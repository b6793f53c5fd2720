package dev.silica.testbench;

import com.google.common.base.Splitter;
import dev.silica.ir.Type;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal reader of Value Change Dumps, for tests: the variables by dotted scope path, their
 * changes in time, and their values sampled once per clock cycle.
 */
final class VcdFile {

  private record Change(long time, String bits) {}

  /** Every variable's path ({@code Mixer.acc}, {@code TOP.silica_harness.dut0.acc}) to its identifier code. */
  private final Map<String, String> codeOfPath = new LinkedHashMap<>();
  private final Map<String, List<Change>> changes = new HashMap<>();

  private VcdFile() {}

  static VcdFile read(Path file) throws IOException {
    VcdFile vcd = new VcdFile();
    List<String> tokens = Splitter.on(java.util.regex.Pattern.compile("\\s+")).omitEmptyStrings()
        .splitToList(Files.readString(file));
    Deque<String> scopes = new ArrayDeque<>();
    long time = 0;
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      switch (t) {
        case "$scope" -> {
          scopes.addLast(tokens.get(i + 2));
          i = skipToEnd(tokens, i);
        }
        case "$upscope" -> {
          scopes.removeLast();
          i = skipToEnd(tokens, i);
        }
        case "$var" -> {
          vcd.codeOfPath.put(String.join(".", scopes) + "." + tokens.get(i + 4), tokens.get(i + 3));
          i = skipToEnd(tokens, i);
        }
        case "$timescale", "$date", "$version", "$comment", "$enddefinitions" -> i = skipToEnd(tokens, i);
        case "$dumpvars", "$dumpall", "$dumpon", "$dumpoff", "$end" -> { }
        default -> {
          if (t.startsWith("#")) {
            time = Long.parseLong(t.substring(1));
          } else if (t.startsWith("b") || t.startsWith("B")) {
            vcd.change(tokens.get(++i), time, t.substring(1));
          } else if (t.startsWith("r") || t.startsWith("R")) {
            i++;
          } else {
            vcd.change(t.substring(1), time, t.substring(0, 1));
          }
        }
      }
    }
    return vcd;
  }

  private static int skipToEnd(List<String> tokens, int i) {
    int end = i;
    while (!tokens.get(end).equals("$end")) {
      end++;
    }
    return end;
  }

  private void change(String code, long time, String bits) {
    changes.computeIfAbsent(code, c -> new ArrayList<>()).add(new Change(time, bits.toLowerCase()));
  }

  /** The shortest scope path that declares a variable of every one of {@code names}. */
  String scopeHolding(Collection<String> names) {
    return codeOfPath.keySet().stream()
        .map(p -> p.substring(0, p.lastIndexOf('.')))
        .distinct()
        .filter(scope -> names.stream().allMatch(n -> codeOfPath.containsKey(scope + "." + n)))
        .min(Comparator.comparingInt(String::length))
        .orElseThrow(() -> new AssertionError("no scope declares all of " + names + " in " + codeOfPath.keySet()));
  }

  /**
   * The values of variable {@code path}, of {@code type}, in {@code cycles} clock cycles: cycle
   * {@code k} is the value just before the {@code k+1}-th rising edge of {@code clock}, or at the end
   * of the file for a last cycle that no edge ends (null for a value with x or z bits).
   */
  List<BigInteger> perCycle(String path, Type type, String clock, int cycles) {
    List<Long> edges = new ArrayList<>();
    String level = "x";
    for (Change c : changesOf(clock)) {
      if (c.bits().equals("1") && !level.equals("1")) {
        edges.add(c.time());
      }
      level = c.bits();
    }
    if (edges.size() < cycles - 1) {
      throw new AssertionError(clock + " rises " + edges.size() + " times, too few for " + cycles + " cycles");
    }
    List<Change> timeline = changesOf(path);
    List<BigInteger> values = new ArrayList<>();
    for (int k = 0; k < cycles; k++) {
      long before = k < edges.size() ? edges.get(k) : Long.MAX_VALUE;
      String bits = null;
      for (Change c : timeline) {
        if (c.time() < before) {
          bits = c.bits();
        }
      }
      values.add(bits == null || !bits.matches("[01]+") ? null : type.wrap(new BigInteger(bits, 2)));
    }
    return values;
  }

  private List<Change> changesOf(String path) {
    String code = codeOfPath.get(path);
    if (code == null) {
      throw new AssertionError("no variable " + path + " in " + codeOfPath.keySet());
    }
    return changes.getOrDefault(code, List.of());
  }
}
