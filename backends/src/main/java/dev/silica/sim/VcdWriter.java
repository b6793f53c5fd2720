package dev.silica.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a Value Change Dump (IEEE 1364 section 18) of every named signal, one scope per instance
 * taken from the dotted names ({@code pe_1_2.acc} is {@code acc} in scope {@code pe_1_2}), readable
 * in GTKWave. Names that alias one value share one identifier code.
 *
 * <p>Time runs 10 units (1 ns each) per cycle: at {@code 10 c} the clock rises into cycle {@code c}
 * and the values of cycle {@code c} (registers after that edge, inputs as poked) appear; the clock
 * falls at {@code 10 c + 5}.
 */
final class VcdWriter implements AutoCloseable {

  private final Writer out;
  private final long[] values;
  /** One entry per distinct value (words and width): its run, identifier code and last dumped words. */
  private final List<Run> runs = new ArrayList<>();
  private final List<String> codes = new ArrayList<>();
  private final List<long[]> last = new ArrayList<>();
  private final String clockCode;
  private final StringBuilder line = new StringBuilder();
  private boolean first = true;

  VcdWriter(Writer out, String top, Collection<Slot> slots, long[] values) {
    this.out = out;
    this.values = values;
    // a widening resize shares its operand's words but is a value of another width: its own code
    Map<List<Integer>, String> codeOfValue = new LinkedHashMap<>();
    Scope root = new Scope();
    for (Slot s : slots) {
      String code = codeOfValue.computeIfAbsent(List.of(s.run().base, s.run().width), b -> {
        runs.add(s.run());
        last.add(new long[s.run().n]);
        String c = code(codes.size());
        codes.add(c);
        return c;
      });
      String[] parts = s.name().split("\\.");
      Scope scope = root;
      for (int i = 0; i < parts.length - 1; i++) {
        scope = scope.children.computeIfAbsent(parts[i], k -> new Scope());
      }
      scope.vars.put(parts[parts.length - 1], new Var(code, s.run().width));
    }
    clockCode = code(codes.size());
    root.vars.put("clk", new Var(clockCode, 1));
    StringBuilder header = new StringBuilder();
    header.append("$version Silica simulator $end\n$timescale 1ns $end\n");
    writeScope(header, top, root);
    header.append("$enddefinitions $end\n");
    write(header);
  }

  /** Records the settled values of {@code cycle}. */
  void sample(long cycle) {
    line.setLength(0);
    line.append('#').append(10 * cycle).append('\n');
    if (first) {
      line.append("$dumpvars\n");
    }
    line.append(cycle > 0 || !first ? '1' : '0').append(clockCode).append('\n');
    for (int i = 0; i < runs.size(); i++) {
      Run r = runs.get(i);
      if (first || changed(r, last.get(i))) {
        appendValue(r, codes.get(i));
        System.arraycopy(values, r.base, last.get(i), 0, r.n);
      }
    }
    if (first) {
      line.append("$end\n");
      first = false;
    }
    line.append('#').append(10 * cycle + 5).append("\n0").append(clockCode).append('\n');
    write(line);
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot finish the VCD file", e);
    }
  }

  private boolean changed(Run r, long[] dumped) {
    for (int i = 0; i < r.n; i++) {
      if (values[r.base + i] != dumped[i]) {
        return true;
      }
    }
    return false;
  }

  private void appendValue(Run r, String code) {
    if (r.width == 1) {
      line.append(values[r.base] & 1).append(code).append('\n');
      return;
    }
    line.append('b');
    int start = line.length();
    for (int i = r.n - 1; i >= 0; i--) {
      int bits = Math.min(64, r.width - 64 * i);
      long w = values[r.base + i];
      for (int b = bits - 1; b >= 0; b--) {
        char c = ((w >>> b) & 1) != 0 ? '1' : '0';
        if (c == '1' || line.length() > start || (i == 0 && b == 0)) {
          line.append(c);
        }
      }
    }
    line.append(' ').append(code).append('\n');
  }

  private void write(CharSequence text) {
    try {
      out.append(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the VCD file", e);
    }
  }

  private static void writeScope(StringBuilder b, String name, Scope scope) {
    b.append("$scope module ").append(name).append(" $end\n");
    scope.vars.forEach(
        (n, v) -> b.append("$var wire ").append(v.width).append(' ').append(v.code).append(' ').append(n).append(" $end\n"));
    scope.children.forEach((n, child) -> writeScope(b, n, child));
    b.append("$upscope $end\n");
  }

  /** Identifier codes: base-94 numbers over the printable characters {@code !} to {@code ~}. */
  private static String code(int index) {
    StringBuilder s = new StringBuilder();
    int i = index;
    do {
      s.append((char) ('!' + i % 94));
      i = i / 94 - 1;
    } while (i >= 0);
    return s.toString();
  }

  private static final class Scope {
    final Map<String, Var> vars = new TreeMap<>();
    final Map<String, Scope> children = new TreeMap<>();
  }

  private record Var(String code, int width) {}
}
