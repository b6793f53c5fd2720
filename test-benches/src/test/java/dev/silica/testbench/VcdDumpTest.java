package dev.silica.testbench;

import static dev.silica.dsl.Hw.input;
import static dev.silica.dsl.Hw.output;
import static dev.silica.dsl.Hw.reg;
import static dev.silica.dsl.Hw.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.dsl.Bool;
import dev.silica.dsl.Elaborated;
import dev.silica.dsl.Elaborator;
import dev.silica.dsl.Module;
import dev.silica.dsl.SInt;
import dev.silica.ir.Port;
import dev.silica.verilog.Tools;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** VCD files from the Tester on every engine: the same port values, cycle by cycle, as the run saw. */
class VcdDumpTest {

  private static final int CYCLES = 24;

  @TempDir Path dir;

  /** A register that sums {@code a} while {@code en}, and a combinational output from it and the input. */
  static final class Mixer extends Module {
    final SInt a = input("a", SInt.of(4));
    final Bool en = input("en", Bool.TYPE);
    final SInt total = output("total", SInt.of(8));
    final SInt ahead = output("ahead", SInt.of(9));

    Mixer() {
      SInt sum = reg("sum", SInt.of(8));
      when(en, () -> sum.connect(sum.addWrap(a.resize(8))));
      total.connect(sum);
      ahead.connect(sum.add(a.resize(8)));
    }
  }

  @Test
  @DisplayName("Silica's, Verilator's and Icarus's VCDs of one stimulus hold the port values the tester saw in every cycle")
  void everyEngineDumpsTheSamePortValues() throws Exception {
    Tools.require("verilator");
    Tools.require("iverilog");
    Elaborated<Mixer> dut = Elaborator.elaborateModule(Mixer::new);
    Map<Engine, Map<String, List<BigInteger>>> dumped = new LinkedHashMap<>();
    for (Engine engine : Engine.values()) {
      Path vcd = dir.resolve(engine.name().toLowerCase() + ".vcd");
      Map<String, List<BigInteger>> seen = run(dut, engine, vcd);
      Map<String, List<BigInteger>> inFile = portsPerCycle(dut, vcd);
      assertEquals(seen, inFile, engine + "'s VCD");
      dumped.put(engine, inFile);
    }
    assertEquals(dumped.get(Engine.SILICA), dumped.get(Engine.VERILATOR));
    assertEquals(dumped.get(Engine.SILICA), dumped.get(Engine.ICARUS));
    assertTrue(dumped.get(Engine.SILICA).get("ahead").stream().distinct().count() > CYCLES / 3,
        "the stimulus exercises the design: " + dumped.get(Engine.SILICA));
  }

  @Test
  @DisplayName("an external engine asked for a VCD after its first clock edge says why it cannot")
  void externalEnginesDumpFromTheStartOnly() {
    Tools.require("iverilog");
    try (Tester t = Tester.of(Elaborator.elaborateModule(Mixer::new), Engine.ICARUS)) {
      t.step();
      var e = assertThrows(IllegalStateException.class, () -> t.dumpVcd(dir.resolve("late.vcd")));
      assertEquals("icarus can dump a VCD only from the start: call dumpVcd before the first clock edge (reset"
          + " included), here it is cycle 1", e.getMessage());
    }
  }

  @Test
  @DisplayName("an engine without VCD support says so")
  void anEngineWithoutVcdSaysSo() {
    Elaborated<Mixer> dut = Elaborator.elaborateModule(Mixer::new);
    try (Tester t = new Tester(FaultyEngine.flippingFirstOutputInCycle(3).apply(dut.design()))) {
      var e = assertThrows(UnsupportedOperationException.class, () -> t.dumpVcd(dir.resolve("none.vcd")));
      assertEquals("FaultyEngine cannot write a VCD", e.getMessage());
    }
  }

  /** Runs the stimulus with a VCD, returning per port the values poked or peeked in each cycle. */
  private static Map<String, List<BigInteger>> run(Elaborated<Mixer> dut, Engine engine, Path vcd) {
    Mixer m = dut.top();
    Map<String, List<BigInteger>> seen = new LinkedHashMap<>();
    for (String port : List.of("rst", "a", "en", "total", "ahead")) {
      seen.put(port, new ArrayList<>());
    }
    Random random = new Random(42);
    try (Tester t = Tester.of(dut, engine)) {
      t.dumpVcd(vcd);
      for (int cycle = 0; cycle < CYCLES; cycle++) {
        long rst = cycle == 0 ? 1 : 0;
        long a = random.nextInt(16) - 8;
        long en = random.nextInt(3) == 0 ? 0 : 1;
        t.poke("rst", rst).poke(m.a, a).poke(m.en, en);
        seen.get("rst").add(BigInteger.valueOf(rst));
        seen.get("a").add(BigInteger.valueOf(a));
        seen.get("en").add(BigInteger.valueOf(en));
        seen.get("total").add(BigInteger.valueOf(t.peek(m.total)));
        seen.get("ahead").add(BigInteger.valueOf(t.peek(m.ahead)));
        t.step();
      }
    }
    return seen;
  }

  private static Map<String, List<BigInteger>> portsPerCycle(Elaborated<Mixer> dut, Path vcd) throws Exception {
    VcdFile file = VcdFile.read(vcd);
    List<Port> ports = new ArrayList<>();
    ports.add(new Port("rst", Port.Direction.IN, dev.silica.ir.Type.bool(), dev.silica.ir.SourceLoc.UNKNOWN));
    ports.addAll(dut.design().topModule().ports());
    String scope = file.scopeHolding(ports.stream().map(Port::name).toList());
    Map<String, List<BigInteger>> values = new LinkedHashMap<>();
    for (Port p : ports) {
      values.put(p.name(), file.perCycle(scope + "." + p.name(), p.type(), scope + ".clk", CYCLES));
    }
    return values;
  }
}
