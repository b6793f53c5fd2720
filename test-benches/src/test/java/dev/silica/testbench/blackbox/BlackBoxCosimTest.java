package dev.silica.testbench.blackbox;

import static dev.silica.dsl.Hw.input;
import static dev.silica.dsl.Hw.instance;
import static dev.silica.dsl.Hw.output;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.dsl.Elaborator;
import dev.silica.dsl.Module;
import dev.silica.dsl.UInt;
import dev.silica.ir.Design;
import dev.silica.ir.text.SirParser;
import dev.silica.ir.text.SirPrinter;
import dev.silica.synth.Resource;
import dev.silica.synth.YosysSynth;
import dev.silica.testbench.Engine;
import dev.silica.testbench.Tester;
import dev.silica.testbench.cosim.Cosim;
import dev.silica.testbench.cosim.CosimResult;
import dev.silica.verilog.Tools;
import dev.silica.verilog.VerilogChecks;
import dev.silica.verilog.VerilogEmitter;
import dev.silica.verilog.VerilogSources;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A design with two black boxes of the hand-written {@code RegMul.v} (8 and 4 bits wide): Silica
 * simulates their model, Verilator and Icarus run the Verilog itself, and every output agrees in
 * every cycle; the Verilog lints clean and Yosys synthesizes it; a model that differs from the
 * Verilog is caught.
 */
class BlackBoxCosimTest {

  /** Two registered multipliers side by side and the sum of their products. */
  static final class TwoProducts extends Module {
    TwoProducts(int skew) {
      UInt x8 = input("x8", UInt.of(8));
      UInt y8 = input("y8", UInt.of(8));
      UInt x4 = input("x4", UInt.of(4));
      UInt y4 = input("y4", UInt.of(4));
      RegMul wide = instance("wide", () -> new RegMul(8, skew));
      RegMul narrow = instance("narrow", () -> new RegMul(4, 0));
      wide.a.connect(x8);
      wide.b.connect(y8);
      narrow.a.connect(x4);
      narrow.b.connect(y4);
      output("p8", UInt.of(16)).connect(wide.p);
      output("p4", UInt.of(8)).connect(narrow.p);
      output("sum", UInt.of(17)).connect(wide.p.add(narrow.p.resize(16)));
    }
  }

  private static Design design(int skew) {
    return Elaborator.elaborate(() -> new TwoProducts(skew));
  }

  @Test
  void silicaSimulatesTheModelAsTheProductOneCycleLater() {
    Random random = new Random(11);
    try (Tester t = Tester.of(design(0), Engine.SILICA)) {
      t.reset();
      for (int cycle = 0; cycle < 300; cycle++) {
        int x8 = random.nextInt(256);
        int y8 = random.nextInt(256);
        int x4 = random.nextInt(16);
        int y4 = random.nextInt(16);
        t.poke("x8", x8).poke("y8", y8).poke("x4", x4).poke("y4", y4).step();
        t.expect("p8", x8 * y8).expect("p4", x4 * y4).expect("sum", x8 * y8 + x4 * y4);
      }
    }
  }

  @Test
  void theVerilogInstantiatesTheBoxByNameWithItsParametersAndCopiesItsSourceOnce() {
    VerilogSources v = VerilogEmitter.emit(design(0));
    assertEquals(List.of("RegMul.v", "TwoProducts.v"), v.verilogFiles());
    String top = v.module("TwoProducts");
    assertTrue(top.contains("RegMul #(") && top.contains(".WIDTH(8)") && top.contains(".WIDTH(4)"), top);
    assertTrue(top.contains(".clk(clk),") && top.contains(".rst(rst),") && top.contains(".a(x8),"), top);
    assertFalse(v.files().keySet().stream().anyMatch(f -> f.startsWith("RegMulModel")), "the model is not emitted");
  }

  @ParameterizedTest
  @EnumSource(value = Engine.class, names = {"VERILATOR", "ICARUS"})
  void theToolsRunningTheVerilogAgreeWithSilicaRunningTheModel(Engine tool) {
    Tools.require(tool == Engine.VERILATOR ? "verilator" : "iverilog");
    CosimResult result = Cosim.run(design(0), 5, 400, tool);
    assertTrue(result.agreed(), result.summary());
  }

  @Test
  void aModelThatDiffersFromTheVerilogIsCaughtByCosimulation() {
    Tools.require("verilator");
    CosimResult result = Cosim.run(design(1), 5, 50, Engine.VERILATOR);
    assertFalse(result.agreed(), "a model computing a*b+1 must disagree with RegMul.v");
  }

  @Test
  void theVerilogLintsCleanWithTheBoxSource() throws Exception {
    VerilogChecks.lintClean(design(0));
  }

  @Test
  void yosysSynthesizesTheBoxSourceWithoutWarnings() throws Exception {
    Tools.require("yosys");
    YosysSynth.Report report = YosysSynth.find().orElseThrow().synthesize(design(0));
    assertEquals(List.of(), report.designWarnings());
    assertTrue(report.table().used(Resource.DSP48E1) >= 1, "RegMul.v's 8-bit multiplier reaches a DSP48E1: " + report.table());
  }

  @Test
  void theTextFormCarriesTheBoxAndItsSource() {
    Design d = design(0);
    String text = SirPrinter.print(d);
    Design parsed = SirParser.parse(text, "two-products.sir");
    assertEquals(d, parsed);
    assertEquals(text, SirPrinter.print(parsed));
    assertEquals(VerilogEmitter.emit(d), VerilogEmitter.emit(parsed));
  }
}
