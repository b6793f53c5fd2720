package dev.silica.testbench.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.ir.Design;
import dev.silica.ir.Memory;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import dev.silica.ir.Port;
import dev.silica.ir.Register;
import dev.silica.ir.pass.Passes;
import dev.silica.ir.text.SirParser;
import dev.silica.ir.text.SirPrinter;
import dev.silica.sim.Simulator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RandomDesignsTest {

  private static final int SEEDS = 150;

  @Test
  void theSameSeedGivesTheSameDesign() {
    for (long seed = 0; seed < 20; seed++) {
      assertEquals(SirPrinter.print(RandomDesigns.generate(seed)), SirPrinter.print(RandomDesigns.generate(seed)));
    }
  }

  @Test
  void everyDesignPassesTheChecksAndCompilesForSimulation() {
    for (long seed = 0; seed < SEEDS; seed++) {
      Design d = RandomDesigns.generate(seed);
      Passes.checks().run(d);
      try (Simulator sim = Simulator.compile(d)) {
        sim.step(3);
      }
    }
  }

  @Test
  void everyDesignSurvivesTheTextForm() {
    for (long seed = 0; seed < 40; seed++) {
      Design d = RandomDesigns.generate(seed);
      assertEquals(d, SirParser.parse(SirPrinter.print(d), "seed" + seed + ".sir"));
    }
  }

  @Test
  void widthsStayWithin1To256AndIncludeTheWordBoundaries() {
    Set<Integer> widths = new HashSet<>();
    designs().flatMap(d -> d.modules().values().stream()).forEach(m -> {
      m.nodes().forEach(n -> widths.add(n.type().width()));
      m.ports().forEach(p -> widths.add(p.type().width()));
    });
    assertTrue(widths.stream().allMatch(w -> w >= 1 && w <= 256), widths.toString());
    assertTrue(widths.containsAll(Set.of(1, 63, 64, 65, 128, 256)), widths.toString());
  }

  @Test
  void theDesignsTogetherUseEveryOperationAndEveryKindOfState() {
    Set<String> seen = new HashSet<>();
    designs().flatMap(d -> d.modules().values().stream()).forEach(m -> describe(m, seen));
    Set<String> expected = new HashSet<>(Set.of("const", "mux", "cat", "slice", "resize", "cast",
        "shlc", "shrc", "signed", "unsigned", "register", "register+enable", "async-read", "sync-read",
        "sync-read+enable", "write", "rom", "instance"));
    for (Op.UnaryKind k : Op.UnaryKind.values()) {
      expected.add(k.mnemonic());
    }
    for (Op.BinaryKind k : Op.BinaryKind.values()) {
      expected.add(k.mnemonic());
    }
    expected.removeAll(seen);
    assertTrue(expected.isEmpty(), "never generated: " + expected);
  }

  private static java.util.stream.Stream<Design> designs() {
    return LongStream.range(0, SEEDS).mapToObj(RandomDesigns::generate);
  }

  private static void describe(ModuleDef m, Set<String> seen) {
    for (Node n : m.nodes()) {
      seen.add(n.type().signed() ? "signed" : "unsigned");
      seen.add(n.op().accept(new Mnemonic()));
    }
    for (Register r : m.registers()) {
      seen.add(r.enable() == null ? "register" : "register+enable");
    }
    for (Memory mem : m.memories()) {
      for (Memory.ReadPort rp : mem.readPorts()) {
        seen.add(!rp.sync() ? "async-read" : rp.enable() == null ? "sync-read" : "sync-read+enable");
      }
      seen.add(mem.isRom() ? "rom" : "write");
    }
    if (!m.instances().isEmpty()) {
      seen.add("instance");
    }
  }

  /** The text-form name of an operation, independent of the generator. */
  private static final class Mnemonic implements Op.Visitor<String> {
    @Override
    public String visitConst(Op.Const op) {
      return "const";
    }

    @Override
    public String visitUnary(Op.Unary op) {
      return op.kind().mnemonic();
    }

    @Override
    public String visitBinary(Op.Binary op) {
      return op.kind().mnemonic();
    }

    @Override
    public String visitShiftBy(Op.ShiftBy op) {
      return op.kind().mnemonic();
    }

    @Override
    public String visitMux(Op.Mux op) {
      return "mux";
    }

    @Override
    public String visitConcat(Op.Concat op) {
      return "cat";
    }

    @Override
    public String visitSlice(Op.Slice op) {
      return "slice";
    }

    @Override
    public String visitResize(Op.Resize op) {
      return "resize";
    }

    @Override
    public String visitCast(Op.Cast op) {
      return "cast";
    }
  }
}
