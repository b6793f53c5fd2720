package dev.silica.sim;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Lists;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes the Java source of a generated kernel for one compiled design: two classes, {@code
 * Settle} and {@code Clock}, each a {@code Consumer<long[]>} over the value array.
 *
 * <p>{@code Settle} evaluates every combinational node straight-line, in evaluation order, as one
 * assignment {@code v[d] = expression;} with constants inlined as literals; values wider than 64
 * bits and anything else without a one-word expression call their evaluator object. {@code Clock}
 * captures every narrow register into a pending array (reset first, then enable), lets the other
 * clocked elements and the write ports run through their objects, then commits. The statements are
 * split into methods small enough for the JIT to compile (HotSpot skips methods above 8000 bytes of
 * bytecode).
 *
 * <p>The classes use only JDK types, so they compile against the JDK alone and load in a class
 * loader of their own, which is collected with the simulator.
 */
final class KernelSource {

  static final String PACKAGE = "dev.silica.sim.generated";
  static final String SETTLE = "Settle";
  static final String CLOCK = "Clock";
  /** Statements per generated method: well below 8000 bytes of bytecode for the longest ones. */
  private static final int STATEMENTS_PER_METHOD = 120;

  /** The two classes' source, and the objects their constructors take. */
  record Generated(
      ImmutableMap<String, String> sources,
      long[][] memories,
      List<Consumer<long[]>> settleCalls,
      List<Consumer<long[]>> clockCalls,
      int pendingWords) {}

  private final SimCompiler.Compiled c;
  private final Map<String, Run> runs = new java.util.HashMap<>();
  private final Map<String, Long> constants = new java.util.HashMap<>();
  private final Map<long[], Integer> memoryIndex = new IdentityHashMap<>();
  private final List<long[]> memories = new ArrayList<>();
  private final List<Consumer<long[]>> settleCalls = new ArrayList<>();
  private final List<Consumer<long[]>> clockCalls = new ArrayList<>();
  /** The slots whose values the settle method being written holds in locals. */
  private final java.util.Set<Integer> localSlots = new java.util.HashSet<>();

  private KernelSource(SimCompiler.Compiled c) {
    this.c = c;
    c.slots().forEach((name, slot) -> runs.put(name, slot.run()));
    for (SimCompiler.CombStep step : c.comb()) {
      if (step.node() != null && step.node().op() instanceof Op.Const && step.dest().n == 1) {
        constants.put(step.node().name(), c.values()[step.dest().base]);
      }
    }
  }

  static Generated generate(SimCompiler.Compiled c) {
    return new KernelSource(c).run();
  }

  private Generated run() {
    String settle = settleClass();
    List<String> captures = new ArrayList<>();
    List<String> commits = new ArrayList<>();
    List<Clocked> others = new ArrayList<>();
    for (Clocked e : c.clocked()) {
      if (e instanceof ClockedElements.NarrowRegister r) {
        int p = captures.size();
        String held = r.enable < 0 ? "v[" + r.next + "]" : "(v[" + r.enable + "] != 0L ? v[" + r.next + "] : v[" + r.q + "])";
        captures.add("p[" + p + "] = " + (r.reset < 0 ? held : "v[" + r.reset + "] != 0L ? " + NarrowExpressions.literal(r.init) + " : " + held) + ";");
        commits.add("v[" + r.q + "] = p[" + p + "];");
      } else {
        others.add(e);
      }
    }
    for (Clocked e : others) {
      captures.add(call(clockCalls, e::capture));
    }
    for (ClockedElements.Write w : c.writes()) {
      captures.add(call(clockCalls, w::apply));
    }
    for (Clocked e : others) {
      commits.add(call(clockCalls, e::commit));
    }
    List<String> statements = new ArrayList<>(captures);
    statements.addAll(commits);
    String clock = kernelClass(CLOCK, Lists.partition(statements, STATEMENTS_PER_METHOD),
        "  private final long[] p = new long[" + captures.size() + "];\n");
    return new Generated(
        ImmutableMap.of(SETTLE, settle, CLOCK, clock),
        memories.toArray(long[][]::new),
        settleCalls,
        clockCalls,
        captures.size());
  }

  /**
   * Within one method a value computed there is also kept in a local variable {@code t<slot>}, and
   * later statements of the method read it from there rather than from the array.
   */
  private String settleClass() {
    List<List<String>> methods = new ArrayList<>();
    for (SimCompiler.CombStep step : c.comb()) {
      if (step.eval() == null) {
        continue;
      }
      if (methods.isEmpty() || methods.get(methods.size() - 1).size() == STATEMENTS_PER_METHOD) {
        methods.add(new ArrayList<>());
        localSlots.clear();
      }
      String expression = expression(step);
      int d = step.dest().base;
      methods.get(methods.size() - 1).add(expression == null
          ? call(settleCalls, step.eval()::eval)
          : "final long t" + d + " = " + expression + "; v[" + d + "] = t" + d + ";");
      if (expression != null) {
        localSlots.add(d);
      }
    }
    return kernelClass(SETTLE, methods, "");
  }

  private String expression(SimCompiler.CombStep step) {
    if (step.eval() instanceof NarrowOps.AsyncRead r) {
      int m = memoryIndex.computeIfAbsent(r.words, w -> {
        memories.add(w);
        return memories.size() - 1;
      });
      return "(v[" + r.addr + "] >= 0L && v[" + r.addr + "] < m" + m + ".length ? m" + m + "[(int) v[" + r.addr + "]] : 0L)";
    }
    Node node = step.node();
    return node == null ? null : NarrowExpressions.of(node, step.dest(), runs::get, this::operand);
  }

  private String operand(String name) {
    Long constant = constants.get(name);
    if (constant != null) {
      return NarrowExpressions.literal(constant);
    }
    int base = runs.get(name).base;
    return localSlots.contains(base) ? "t" + base : "v[" + base + "]";
  }

  private static String call(List<Consumer<long[]>> calls, Consumer<long[]> target) {
    calls.add(target);
    return "x[" + (calls.size() - 1) + "].accept(v);";
  }

  private String kernelClass(String name, List<List<String>> methods, String extraFields) {
    StringBuilder s = new StringBuilder();
    s.append("package ").append(PACKAGE).append(";\n\n");
    s.append("import java.util.function.Consumer;\n\n");
    s.append("public final class ").append(name).append(" implements Consumer<long[]> {\n");
    s.append("  private final Consumer<long[]>[] x;\n").append(extraFields);
    for (int m = 0; m < memories.size(); m++) {
      s.append("  private final long[] m").append(m).append(";\n");
    }
    s.append("\n  public ").append(name).append("(long[][] memories, Consumer<long[]>[] calls) {\n");
    s.append("    this.x = calls;\n");
    for (int m = 0; m < memories.size(); m++) {
      s.append("    this.m").append(m).append(" = memories[").append(m).append("];\n");
    }
    s.append("  }\n\n  @Override\n  public void accept(long[] v) {\n");
    for (int i = 0; i < methods.size(); i++) {
      s.append("    part").append(i).append("(v);\n");
    }
    s.append("  }\n");
    for (int i = 0; i < methods.size(); i++) {
      s.append("\n  private void part").append(i).append("(long[] v) {\n");
      for (String statement : methods.get(i)) {
        s.append("    ").append(statement).append('\n');
      }
      s.append("  }\n");
    }
    return s.append("}\n").toString();
  }
}
