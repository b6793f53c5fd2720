package dev.silica.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.ir.Design;
import dev.silica.ir.Op;
import dev.silica.ir.Type;
import dev.silica.sim.IrBuilder;
import dev.silica.sim.Simulator;
import dev.silica.verilog.VerilogEmitter;
import dev.silica.verilog.VerilogNames;
import dev.silica.verilog.VerilogSources;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The SAIF file: well-formed (balanced, the header SAIF 2.0 asks for), the hierarchy and net names
 * of the emitted Verilog, and for a counter the transitions counted by hand.
 */
class SaifWriterTest {

  private static final int CYCLES = 64;
  private static final double CLOCK_MHZ = 100;
  private static final long PERIOD_PS = 10_000;

  private static SaifWriterTest.Sexp countedFor(int cycles) throws IOException {
    Design design = Counters.counterInside();
    SwitchingActivity activity;
    try (Simulator sim = Simulator.compile(design)) {
      sim.poke("en", 1);
      ActivityRecorder recorder = ActivityRecorder.attach(sim, design);
      sim.step(cycles);
      activity = recorder.stop();
    }
    StringWriter out = new StringWriter();
    SaifWriter.write(activity, VerilogNames.of(design), CLOCK_MHZ, out);
    return Sexp.parse(out.toString());
  }

  @Test
  @DisplayName("header: SAIFILE with version 2.0, backward direction, the top as design, ps timescale, the duration")
  void headerFollowsSaif20() throws IOException {
    Sexp saif = countedFor(CYCLES);
    assertEquals("SAIFILE", saif.head());
    assertEquals("\"2.0\"", saif.child("SAIFVERSION").atom(1));
    assertEquals("\"backward\"", saif.child("DIRECTION").atom(1));
    assertEquals("\"top\"", saif.child("DESIGN").atom(1));
    assertEquals(List.of("TIMESCALE", "1", "ps"), saif.child("TIMESCALE").atoms());
    assertEquals(String.valueOf(CYCLES * PERIOD_PS), saif.child("DURATION").atom(1));
  }

  @Test
  @DisplayName("bit i of the counter inside c0 toggles floor(63 / 2^i) times in 64 cycles, under the Verilog's names")
  void counterBitsUnderTheVerilogNames() throws IOException {
    Sexp top = countedFor(CYCLES).child("INSTANCE");
    assertEquals("top", top.atom(1));
    Sexp c0 = top.child("INSTANCE");
    assertEquals("c0", c0.atom(1));
    Map<String, Sexp> nets = nets(c0);
    for (int bit = 0; bit < 4; bit++) {
      Sexp net = nets.get("n\\[" + bit + "\\]");
      assertTrue(net != null, "no net n[" + bit + "] in " + nets.keySet());
      assertEquals((CYCLES - 1) >> bit, value(net, "TC"), "transitions of n[" + bit + "]");
      assertEquals(CYCLES / 2 * PERIOD_PS, value(net, "T1"), "time at 1 of n[" + bit + "]");
    }
    String verilog = VerilogEmitter.emit(Counters.counterInside()).module("cnt");
    assertTrue(verilog.contains("reg [3:0] n "), verilog);
    assertTrue(nets.containsKey("en"), "a one-bit net goes by its bare name: " + nets.keySet());
  }

  @Test
  void everyNetSpendsTheWholeDurationAtZeroOrOneAndTheClockTogglesTwicePerCycle() throws IOException {
    Sexp saif = countedFor(CYCLES);
    long duration = Long.parseLong(saif.child("DURATION").atom(1));
    List<Sexp> all = new ArrayList<>();
    collectNets(saif.child("INSTANCE"), all);
    assertTrue(all.size() > 10, all.toString());
    for (Sexp net : all) {
      assertEquals(duration, value(net, "T0") + value(net, "T1"), net.toString());
      assertEquals(0, value(net, "TX"), net.toString());
      assertEquals(0, value(net, "IG"), net.toString());
    }
    Sexp clk = nets(saif.child("INSTANCE")).get("clk");
    assertEquals(2L * CYCLES, value(clk, "TC"));
  }

  @Test
  @DisplayName("every net is declared, under its SAIF name, in the Verilog module of its instance")
  void everyNetIsDeclaredInItsModulesVerilog() throws IOException {
    VerilogSources verilog = VerilogEmitter.emit(Counters.counterInside());
    Sexp top = countedFor(CYCLES).child("INSTANCE");
    Map<String, String> moduleOfInstance = Map.of("top", "top", "c0", "cnt");
    for (Sexp instance : List.of(top, top.child("INSTANCE"))) {
      String text = verilog.module(moduleOfInstance.get(instance.atom(1)));
      for (String net : nets(instance).keySet()) {
        String base = net.replaceAll("\\\\\\[\\d+\\\\\\]$", "");
        assertTrue(Pattern.compile("(?m)^\\s*(input|output|wire|reg)\\b[^;]*\\b" + base + "\\b").matcher(text).find(),
            base + " is not declared in\n" + text);
      }
    }
  }

  @Test
  void aDesignWithoutStateHasNoClockNet() throws IOException {
    Design adder = IrBuilder.design(IrBuilder.module("inc").in("a", Type.u(3)).constant("one", Type.u(3), 1)
        .node("sum", IrBuilder.bin(Op.BinaryKind.ADD, "a", "one")).out("y", "sum").build());
    SwitchingActivity activity;
    try (Simulator sim = Simulator.compile(adder)) {
      ActivityRecorder recorder = ActivityRecorder.attach(sim, adder);
      for (int a = 0; a < 8; a++) {
        sim.poke("a", a);
        sim.step();
      }
      activity = recorder.stop();
    }
    StringWriter out = new StringWriter();
    SaifWriter.write(activity, VerilogNames.of(adder), CLOCK_MHZ, out);
    Map<String, Sexp> nets = nets(Sexp.parse(out.toString()).child("INSTANCE"));
    assertTrue(!nets.containsKey("clk") && nets.containsKey("a\\[0\\]"), nets.keySet().toString());
    assertEquals(7, value(nets.get("a\\[0\\]"), "TC"));
  }

  @Test
  void constantsAndSignalsTheVerilogLeavesOutHaveNoNet() throws IOException {
    Map<String, Sexp> nets = nets(countedFor(CYCLES).child("INSTANCE").child("INSTANCE"));
    assertTrue(nets.keySet().stream().noneMatch(n -> n.startsWith("one")), nets.keySet().toString());
  }

  private static Map<String, Sexp> nets(Sexp instance) {
    Map<String, Sexp> byName = new TreeMap<>();
    for (Sexp net : instance.child("NET").children.subList(1, instance.child("NET").children.size())) {
      byName.put(net.head(), net);
    }
    return byName;
  }

  private static void collectNets(Sexp instance, List<Sexp> into) {
    into.addAll(nets(instance).values());
    for (Sexp c : instance.children) {
      if (!c.isAtom() && c.head().equals("INSTANCE")) {
        collectNets(c, into);
      }
    }
  }

  private static long value(Sexp net, String key) {
    return Long.parseLong(net.child(key).atom(1));
  }

  /** A parsed parenthesized expression: an atom, or a list whose first element names it. */
  private static final class Sexp {
    final String atom;
    final List<Sexp> children = new ArrayList<>();

    private Sexp(String atom) {
      this.atom = atom;
    }

    boolean isAtom() {
      return atom != null;
    }

    String head() {
      return children.get(0).atom;
    }

    String atom(int i) {
      return children.get(i).atom;
    }

    List<String> atoms() {
      return children.stream().map(c -> c.atom).toList();
    }

    /** The first sub-list named {@code name}. */
    Sexp child(String name) {
      return children.stream().filter(c -> !c.isAtom() && c.head().equals(name)).findFirst()
          .orElseThrow(() -> new AssertionError("no (" + name + " ...) in " + this));
    }

    @Override
    public String toString() {
      return isAtom() ? atom : "(" + String.join(" ", children.stream().map(Sexp::toString).toList()) + ")";
    }

    /** Parses one expression that must span the whole text; unbalanced parentheses fail the test. */
    static Sexp parse(String text) {
      int[] at = {0};
      Sexp s = parse(text, at);
      skipSpace(text, at);
      assertEquals(text.length(), at[0], "text after the SAIFILE expression");
      return s;
    }

    private static Sexp parse(String text, int[] at) {
      skipSpace(text, at);
      assertTrue(at[0] < text.length(), "unexpected end of text");
      if (text.charAt(at[0]) == '(') {
        at[0]++;
        Sexp list = new Sexp(null);
        while (true) {
          skipSpace(text, at);
          assertTrue(at[0] < text.length(), "unbalanced parentheses");
          if (text.charAt(at[0]) == ')') {
            at[0]++;
            return list;
          }
          list.children.add(parse(text, at));
        }
      }
      assertTrue(text.charAt(at[0]) != ')', "unbalanced parentheses at " + at[0]);
      int start = at[0];
      while (at[0] < text.length()) {
        char c = text.charAt(at[0]);
        if (c == '\\') {
          at[0] += 2;
        } else if (Character.isWhitespace(c) || c == '(' || c == ')') {
          break;
        } else {
          at[0]++;
        }
      }
      return new Sexp(text.substring(start, at[0]));
    }

    private static void skipSpace(String text, int[] at) {
      while (at[0] < text.length() && Character.isWhitespace(text.charAt(at[0]))) {
        at[0]++;
      }
    }
  }
}
