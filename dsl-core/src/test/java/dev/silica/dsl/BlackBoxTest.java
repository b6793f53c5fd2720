package dev.silica.dsl;

import static dev.silica.dsl.Hw.input;
import static dev.silica.dsl.Hw.instance;
import static dev.silica.dsl.Hw.output;
import static dev.silica.dsl.Hw.reg;
import static dev.silica.dsl.Hw.regNext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import dev.silica.ir.BlackBox.Number;
import dev.silica.ir.BlackBox.Text;
import dev.silica.ir.Design;
import dev.silica.ir.DesignError;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.text.SirError;
import dev.silica.ir.text.SirParser;
import dev.silica.ir.text.SirPrinter;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Black boxes in the DSL: what the IR records, the text form, and the mistakes it reports at the user's line. */
class BlackBoxTest {

  static final String SOURCE = "module AddReg #(parameter W = 4, parameter MODE = \"x\") (\n"
      + "  input wire clock, input wire reset, input wire [W-1:0] x, output reg [W:0] y\n);\n"
      + "  always @(posedge clock) y <= reset ? 0 : x + 1;\nendmodule\n";

  /** x + 1, registered: the model of {@code AddReg}. */
  static final class AddOneReg extends Module {
    AddOneReg(int width) {
      UInt x = input("x", UInt.of(width));
      UInt y = output("y", UInt.of(width + 1));
      y.connect(regNext("sum", x.add(1)));
    }
  }

  /** The box for {@code AddReg}; {@code modelWidth} other than {@code width} gives a model with other ports. */
  static final class AddReg extends BlackBox {
    AddReg(int width, int modelWidth) {
      super("AddReg");
      verilogParam("W", width);
      verilogParam("MODE", "fast");
      verilogSource(SOURCE);
      clock("clock");
      reset("reset");
      input("x", UInt.of(width));
      output("y", UInt.of(width + 1));
      model(() -> new AddOneReg(modelWidth));
    }
  }

  private static Design top(Supplier<? extends Module> box) {
    return Elaborator.elaborate(Module.define("Top", () -> {
      UInt a = input("a", UInt.of(4));
      UInt out = output("out", UInt.of(5));
      Module b = instance("box", box);
      b.port("x", UInt.class).connect(a);
      out.connect(b.port("y", UInt.class));
    }));
  }

  @Test
  void theBoxRecordsItsVerilogModuleParametersPortsAndSourceWithTheModelAsItsBody() {
    Design d = top(() -> new AddReg(4, 4));
    ModuleDef box = d.module("AddReg");
    dev.silica.ir.BlackBox bb = box.blackBox().orElseThrow();
    assertEquals("AddReg", bb.verilogModule());
    assertEquals(ImmutableMap.of("W", new Number(java.math.BigInteger.valueOf(4)), "MODE", new Text("fast")), bb.parameters());
    assertEquals("clock", bb.clock());
    assertEquals("reset", bb.reset());
    assertEquals(SOURCE, bb.source());
    assertEquals(1, box.instances().size());
    assertEquals("AddOneReg", box.instances().get(0).module());
    assertTrue(d.hasState(d.topModule()), "the model's register gives the design a clock");
  }

  @Test
  void theTextFormPrintsAndParsesTheBoxBackToTheSameDesign() {
    Design d = top(() -> new AddReg(4, 4));
    String text = SirPrinter.print(d);
    assertTrue(text.contains("  blackbox AddReg clock clock reset reset {\n    param W = 4\n    param MODE = \"fast\"\n    source \"module AddReg"), text);
    Design parsed = SirParser.parse(text, "box.sir");
    assertEquals(d, parsed);
    assertEquals(text, SirPrinter.print(parsed));
  }

  @Test
  void theTextFormRefusesABoxNameVerilogCannotSpellAndASecondBoxLine() {
    String text = SirPrinter.print(top(() -> new AddReg(4, 4)));
    SirError badName = assertThrows(SirError.class, () -> SirParser.parse(text.replace("blackbox AddReg", "blackbox \"Add Reg\""), "bad.sir"));
    assertTrue(badName.getMessage().contains("'Add Reg' is not a plain Verilog name"), badName.getMessage());
    SirError twice = assertThrows(
        SirError.class, () -> SirParser.parse(text.replace("  blackbox AddReg", "  blackbox Other\n  blackbox AddReg"), "twice.sir"));
    assertTrue(twice.getMessage().contains("has a second blackbox line"), twice.getMessage());
  }

  @Test
  void aModelWithOtherPortsIsAnErrorAtTheLineThatGivesItNamingEachDifference() {
    DesignError e = assertThrows(DesignError.class, () -> top(() -> new AddReg(4, 5)));
    assertEquals("BlackBoxTest.java", e.locations().get(0).file());
    assertTrue(e.getMessage().contains(
        "the model AddOneReg does not have the ports of black box AddReg: 'x' is in u4 in the box but in u5 in the model;"
            + " 'y' is out u5 in the box but out u6 in the model"), e.getMessage());
  }

  /** A box that forgets its model. */
  static final class NoModel extends BlackBox {
    NoModel() {
      super("Plain");
      input("x", UInt.of(2));
    }
  }

  /** A box with a register of its own beside its model. */
  static final class OwnLogic extends BlackBox {
    OwnLogic() {
      super("AddReg");
      clock("clock");
      UInt x = input("x", UInt.of(4));
      output("y", UInt.of(5));
      model(() -> new AddOneReg(4));
      reg("extra", UInt.of(4)).connect(x);
    }
  }

  /** A box whose model has state but which names no clock port. */
  static final class Unclocked extends BlackBox {
    Unclocked() {
      super("AddReg");
      input("x", UInt.of(4));
      output("y", UInt.of(5));
      model(() -> new AddOneReg(4));
    }
  }

  /** A box whose source defines another module. */
  static final class WrongSource extends BlackBox {
    WrongSource() {
      super("Wanted");
      verilogSource("module Other; endmodule");
    }
  }

  @Test
  void aBoxWithoutModelIsAnError() {
    DesignError e = assertThrows(DesignError.class, () -> Elaborator.elaborate(NoModel::new));
    assertTrue(e.getMessage().contains("black box Plain has no simulation model: give one with model(...)"), e.getMessage());
  }

  @Test
  void logicInsideTheBoxBesideItsModelIsAnErrorAtItsLine() {
    DesignError e = assertThrows(DesignError.class, () -> Elaborator.elaborate(OwnLogic::new));
    assertEquals("BlackBoxTest.java", e.locations().get(0).file());
    assertTrue(e.getMessage().contains("black box AddReg holds only its ports and its model"), e.getMessage());
  }

  @Test
  void aStatefulModelNeedsAClockPort() {
    DesignError e = assertThrows(DesignError.class, () -> Elaborator.elaborate(Unclocked::new));
    assertTrue(e.getMessage().contains("the model of black box AddReg has state: name the Verilog clock port"), e.getMessage());
  }

  @Test
  void aSourceThatDoesNotDefineTheModuleIsAnError() {
    DesignError e = assertThrows(DesignError.class, () -> Elaborator.elaborate(WrongSource::new));
    assertTrue(e.getMessage().endsWith("the Verilog source given for black box Wanted does not define module Wanted"), e.getMessage());
  }
}
