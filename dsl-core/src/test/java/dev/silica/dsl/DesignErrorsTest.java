package dev.silica.dsl;

import static dev.silica.dsl.Hw.input;
import static dev.silica.dsl.Hw.instance;
import static dev.silica.dsl.Hw.mem;
import static dev.silica.dsl.Hw.mux;
import static dev.silica.dsl.Hw.output;
import static dev.silica.dsl.Hw.reg;
import static dev.silica.dsl.Hw.rom;
import static dev.silica.dsl.Hw.when;
import static dev.silica.dsl.Hw.wire;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.silica.ir.DesignError;
import org.junit.jupiter.api.Test;

/**
 * Every design error the DSL reports: its exact message, starting with the Java file and line of
 * the statement to fix (here, this test's own lines).
 */
class DesignErrorsTest {

  private final int[] line = new int[2];

  private static String at(int line) {
    return "DesignErrorsTest.java:" + line + ": ";
  }

  private void assertError(String message, Runnable body) {
    String actual = Ir.error(body).getMessage();
    assertEquals(at(line[0]) + message, actual);
  }

  // ---- widths and signedness ----

  @Test
  void connectingAnotherWidthNamesBothTypes() {
    assertError(
        "cannot connect u8 to output 'y' of type u4: resize(4) or saturate(4) converts explicitly",
        () -> {
          UInt a = input("a", UInt.of(8));
          UInt y = output("y", UInt.of(4));
          line[0] = Ir.thisLine(); y.connect(a);
        });
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void connectingAnotherSignednessNamesBothTypesEvenWhenJavaTypesAreBypassed() {
    assertError(
        "cannot connect s8 to register 'r' of type u8: asUInt() reinterprets the bits",
        () -> {
          Num r = reg("r", UInt.of(8));
          line[0] = Ir.thisLine(); r.connect(input("s", SInt.of(8)));
        });
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void mixingSignedAndUnsignedInAnOperatorIsAnError() {
    assertError(
        "add mixes signed and unsigned (u8, s8): cast one of them explicitly",
        () -> {
          Num a = input("a", UInt.of(8));
          Num s = input("s", SInt.of(8));
          line[0] = Ir.thisLine(); a.add(s);
        });
  }

  @Test
  void bitwiseOperandsOfDifferentWidthsAreAnError() {
    assertError(
        "and of different widths (u8, u4): resize one of them explicitly",
        () -> {
          UInt a = input("a", UInt.of(8));
          UInt b = input("b", UInt.of(4));
          line[0] = Ir.thisLine(); a.and(b);
        });
  }

  @Test
  void muxArmsOfDifferentTypesAreAnError() {
    assertError(
        "mux arms differ (u8, u4): resize or cast one of them explicitly",
        () -> {
          UInt a = input("a", UInt.of(8));
          UInt b = input("b", UInt.of(4));
          line[0] = Ir.thisLine(); mux(a.eq(0), a, b);
        });
  }

  @Test
  void aWireDefaultOfAnotherTypeIsAnError() {
    assertError(
        "the default of wire 'w' is u4 but the wire is u8: resize(8) or saturate(8) converts explicitly",
        () -> {
          UInt b = input("b", UInt.of(4));
          line[0] = Ir.thisLine(); wire("w", UInt.of(8), b);
        });
  }

  @Test
  void resizingToZeroBitsIsAnError() {
    assertError(
        "resize would be 0 bits wide, outside 1..1024",
        () -> {
          UInt a = input("a", UInt.of(8));
          line[0] = Ir.thisLine(); a.resize(0);
        });
  }

  @Test
  void aTypeOfZeroBitsIsAnError() {
    assertError("a UInt needs 1..1024 bits, not 0", () -> {
      line[0] = Ir.thisLine(); input("a", UInt.of(0));
    });
  }

  // ---- constants, slices, shifts ----

  @Test
  void aLiteralThatDoesNotFitItsTypeIsAnError() {
    assertError("the literal 256 does not fit u8 (0..255)", () -> {
      line[0] = Ir.thisLine(); UInt.lit(256, 8);
    });
    assertError("the literal -9 does not fit s4 (-8..7)", () -> {
      line[0] = Ir.thisLine(); SInt.lit(-9, 4);
    });
  }

  @Test
  void aNegativeNumberWithAnUnsignedValueIsAnError() {
    assertError(
        "-1 is negative: it cannot be used with an unsigned value",
        () -> {
          UInt a = input("a", UInt.of(8));
          line[0] = Ir.thisLine(); a.add(-1);
        });
  }

  @Test
  void aConnectedLiteralMustFitTheTarget() {
    assertError(
        "the literal 16 does not fit u4 (0..15)",
        () -> {
          UInt y = output("y", UInt.of(4));
          line[0] = Ir.thisLine(); y.connect(16);
        });
  }

  @Test
  void aResetValueThatDoesNotFitIsAnError() {
    assertError("the reset value 8 of register 'r' does not fit s4 (-8..7)", () -> {
      line[0] = Ir.thisLine(); reg("r", SInt.of(4), 8);
    });
  }

  @Test
  void anOutOfRangeSliceIsAnError() {
    assertError(
        "slice(8, 0) is out of range for a u8 value: need 0 <= lo <= hi < 8",
        () -> {
          UInt a = input("a", UInt.of(8));
          line[0] = Ir.thisLine(); a.slice(8, 0);
        });
    assertError(
        "slice(2, 3) is out of range for a u8 value: need 0 <= lo <= hi < 8",
        () -> {
          UInt a = input("a", UInt.of(8));
          line[0] = Ir.thisLine(); a.slice(2, 3);
        });
  }

  @Test
  void anOutOfRangeBitIsAnError() {
    assertError(
        "bit(-1) is out of range for a s4 value: need 0 <= i < 4",
        () -> {
          SInt a = input("a", SInt.of(4));
          line[0] = Ir.thisLine(); a.bit(-1);
        });
  }

  @Test
  void aNegativeShiftIsAnError() {
    assertError(
        "shift amount -2 is negative",
        () -> {
          UInt a = input("a", UInt.of(8));
          line[0] = Ir.thisLine(); a.shl(-2);
        });
  }

  @Test
  void asBoolOfAWideValueIsAnError() {
    assertError(
        "asBool() needs a 1-bit value, not a u8: use orR(), bit(i) or a comparison",
        () -> {
          UInt a = input("a", UInt.of(8));
          line[0] = Ir.thisLine(); a.asBool();
        });
  }

  // ---- driving ----

  @Test
  void drivingAnInputFromInsideItsModuleIsAnError() {
    assertError(
        "cannot drive input 'a' from inside module Top: its parent drives it",
        () -> {
          UInt a = input("a", UInt.of(8));
          line[0] = Ir.thisLine(); a.connect(3);
        });
  }

  @Test
  void connectingToAnOperatorResultIsAnError() {
    assertError(
        "cannot connect to 'sum': it is computed by an operation; declare a wire to connect to",
        () -> {
          UInt a = input("a", UInt.of(8));
          UInt sum = a.add(a).named("sum");
          line[0] = Ir.thisLine(); sum.connect(a.add(1));
        });
  }

  @Test
  void connectingAnOutputTwiceInTheModuleBodyIsAnError() {
    DesignError e =
        Ir.error(
            () -> {
              UInt y = output("y", UInt.of(8));
              line[1] = Ir.thisLine(); y.connect(1);
              line[0] = Ir.thisLine(); y.connect(2);
            });
    assertEquals(
        at(line[0]) + "output 'y' is already connected in this scope (at DesignErrorsTest.java:" + line[1]
            + "): connect it once per scope, and override it inside when(...)",
        e.getMessage());
  }

  @Test
  void connectingTwiceInOneWhenBranchIsAnErrorToo() {
    DesignError e =
        Ir.error(
            () -> {
              Bool c = input("c", Bool.TYPE);
              UInt y = output("y", UInt.of(8));
              y.connect(0);
              when(c, () -> {
                line[1] = Ir.thisLine(); y.connect(1);
                line[0] = Ir.thisLine(); y.connect(2);
              });
            });
    assertEquals(
        at(line[0]) + "output 'y' is already connected in this scope (at DesignErrorsTest.java:" + line[1]
            + "): connect it once per scope, and override it inside when(...)",
        e.getMessage());
  }

  @Test
  void anOutputThatIsNeverConnectedIsNamed() {
    assertError("output 'ready' is never connected", () -> {
      line[0] = Ir.thisLine(); output("ready", Bool.TYPE);
    });
  }

  @Test
  void anOutputConnectedOnlyInSomeBranchesIsAnErrorAtTheWhen() {
    DesignError e =
        Ir.error(
            () -> {
              Bool c = input("c", Bool.TYPE);
              line[1] = Ir.thisLine(); UInt y = output("y", UInt.of(8));
              line[0] = Ir.thisLine(); when(c, () -> y.connect(1));
            });
    assertEquals(
        at(line[0]) + "output 'y' (declared at DesignErrorsTest.java:" + line[1]
            + ") is left unconnected on some path through this when: connect it before the when or connect it in"
            + " every branch including otherwise",
        e.getMessage());
  }

  @Test
  void aWireConnectedOnlyInSomeBranchesSuggestsADefault() {
    DesignError e =
        Ir.error(
            () -> {
              Bool c = input("c", Bool.TYPE);
              line[1] = Ir.thisLine(); UInt w = wire("w", UInt.of(8));
              line[0] = Ir.thisLine(); when(c, () -> w.connect(1)).elseWhen(c.not(), () -> w.connect(2));
              output("y", UInt.of(8)).connect(w);
            });
    assertEquals(
        at(line[0]) + "wire 'w' (declared at DesignErrorsTest.java:" + line[1]
            + ") is left unconnected on some path through this when: connect it before the when, give the wire a"
            + " default value, or connect it in every branch including otherwise",
        e.getMessage());
  }

  @Test
  void readingAWireThatIsNeverConnectedIsAnErrorAtTheRead() {
    DesignError e =
        Ir.error(
            () -> {
              line[1] = Ir.thisLine(); UInt w = wire("w", UInt.of(8));
              line[0] = Ir.thisLine(); output("y", UInt.of(9)).connect(w.add(1));
            });
    assertEquals(
        at(line[0]) + "wire 'w' is read but never connected (declared at DesignErrorsTest.java:" + line[1] + ")",
        e.getMessage());
  }

  @Test
  void aWireDrivenByItselfIsAnError() {
    assertError("wire 'w' is connected to itself", () -> {
      line[0] = Ir.thisLine(); UInt w = wire("w", UInt.of(8));
      w.connect(w);
      output("y", UInt.of(8)).connect(w);
    });
  }

  @Test
  void aCombinationalLoopThroughAWireListsTheNodesOnIt() {
    DesignError e =
        Ir.error(
            () -> {
              UInt w = wire("w", UInt.of(8));
              line[0] = Ir.thisLine(); UInt next = w.addWrap(1);
              w.connect(next);
              output("y", UInt.of(8)).connect(w);
            });
    assertEquals(
        at(line[0]) + "combinational loop: these values depend on themselves\n  add_" + line[0]
            + " at DesignErrorsTest.java:" + line[0] + "\n  w at DesignErrorsTest.java:" + line[0],
        e.getMessage());
  }

  @Test
  void aRegisterWithoutANextValueIsAnError() {
    assertError("register 'r' is never given a next value", () -> {
      line[0] = Ir.thisLine(); UInt r = reg("r", UInt.of(8));
      output("y", UInt.of(8)).connect(r);
    });
  }

  // ---- names ----

  @Test
  void anIllegalNameIsAnError() {
    assertError(
        "'my-sum' is not a legal name: use letters, digits and underscores, starting with a letter or underscore",
        () -> {
          UInt a = input("a", UInt.of(8));
          line[0] = Ir.thisLine(); a.add(a).named("my-sum");
        });
  }

  @Test
  void aVerilogKeywordCannotNameAnElement() {
    assertError("'wire' is a Verilog keyword and cannot name a hardware element", () -> {
      line[0] = Ir.thisLine(); reg("wire", UInt.of(8));
    });
  }

  @Test
  void portsCannotTakeTheImplicitClockOrResetName() {
    assertError("'clk' is reserved for the implicit clock", () -> {
      line[0] = Ir.thisLine(); input("clk", Bool.TYPE);
    });
  }

  @Test
  void twoPortsCannotShareAName() {
    DesignError e =
        Ir.error(
            () -> {
              line[1] = Ir.thisLine(); input("a", UInt.of(8));
              line[0] = Ir.thisLine(); output("a", UInt.of(8));
            });
    assertEquals(at(line[0]) + "the port name 'a' is already used (at DesignErrorsTest.java:" + line[1] + ")", e.getMessage());
  }

  @Test
  void portsAndRegistersCannotBeRenamed() {
    assertError(
        "cannot rename register 'r': it is named where it is declared",
        () -> {
          UInt r = reg("r", UInt.of(8));
          line[0] = Ir.thisLine(); r.named("q");
        });
  }

  // ---- when ----

  @Test
  void elseWhenMustDirectlyFollowItsWhen() {
    DesignError e =
        Ir.error(
            () -> {
              Bool c = input("c", Bool.TYPE);
              UInt y = output("y", UInt.of(8));
              y.connect(0);
              line[1] = Ir.thisLine(); WhenChain chain = when(c, () -> y.connect(1));
              UInt z = output("z", UInt.of(8));
              z.connect(1);
              line[0] = Ir.thisLine(); chain.otherwise(() -> y.connect(2));
            });
    assertEquals(
        at(line[0]) + "otherwise must directly follow its when (at DesignErrorsTest.java:" + line[1] + ") in the same scope",
        e.getMessage());
  }

  @Test
  void nothingFollowsOtherwise() {
    DesignError e =
        Ir.error(
            () -> {
              Bool c = input("c", Bool.TYPE);
              UInt y = output("y", UInt.of(8));
              line[1] = Ir.thisLine(); WhenChain chain = when(c, () -> y.connect(1));
              chain.otherwise(() -> y.connect(2));
              line[0] = Ir.thisLine(); chain.elseWhen(c, () -> y.connect(3));
            });
    assertEquals(
        at(line[0]) + "elseWhen after otherwise: otherwise ends the when at DesignErrorsTest.java:" + line[1],
        e.getMessage());
  }

  // ---- hierarchy ----

  /** A child with one input and one output. */
  static final class Child extends Module {
    final UInt a = input("a", UInt.of(8));
    final UInt y = output("y", UInt.of(8));

    Child() {
      y.connect(a);
    }
  }

  /** A child that uses a value of the module that creates it. */
  static final class Peeker extends Module {
    Peeker(UInt outside, int[] line) {
      UInt y = output("y", UInt.of(8));
      line[0] = Ir.thisLine(); y.connect(outside);
    }
  }

  @Test
  void usingASignalOfAnotherModuleIsAnError() {
    assertError(
        "input 'a' belongs to module Top, not to Peeker: a module can use only its own signals and the ports of its"
            + " instances; pass the value through a port",
        () -> {
          UInt a = input("a", UInt.of(8));
          instance(() -> new Peeker(a, line));
        });
  }

  @Test
  void anInstanceInputThatIsNeverConnectedIsAnErrorAtTheInstance() {
    assertError("input 'a' of instance 'c0' (Child) is never connected", () -> {
      line[0] = Ir.thisLine(); Child c = instance("c0", Child::new);
      output("y", UInt.of(8)).connect(c.y);
    });
  }

  @Test
  void drivingAnInstanceOutputIsAnError() {
    assertError(
        "cannot drive output 'y' of instance 'c0' (Child): it is driven inside Child",
        () -> {
          Child c = instance("c0", Child::new);
          c.a.connect(1);
          line[0] = Ir.thisLine(); c.y.connect(2);
        });
  }

  @Test
  void aModuleConstructedWithoutInstanceIsAnError() {
    assertError(
        "module Child is constructed directly: create a submodule with instance(() -> new Child(...)) and a design"
            + " with Elaborator.elaborate(() -> new Child(...))",
        () -> {
          line[0] = Ir.thisLine(); new Child();
        });
  }

  @Test
  void anUnknownPortNameListsThePorts() {
    assertError("module Child has no port 'b'; its ports are: a, y", () -> {
      Child c = instance("c0", Child::new);
      line[0] = Ir.thisLine(); c.port("b");
    });
  }

  @Test
  void hardwareOutsideAnElaborationIsAnError() {
    line[0] = Ir.thisLine(); DesignError e = assertThrows(DesignError.class, () -> input("a", UInt.of(8)));
    assertEquals(
        at(line[0]) + "hardware can only be built while a module is being elaborated (inside its constructor)",
        e.getMessage());
  }

  // ---- memories ----

  @Test
  void aMemoryAddressMustHaveExactlyTheAddressWidth() {
    assertError(
        "the address of memory 'ram' (100 words) must be u7, not u8: resize it",
        () -> {
          Mem<UInt> ram = mem("ram", UInt.of(8), 100);
          line[0] = Ir.thisLine(); output("q", UInt.of(8)).connect(ram.read(input("addr", UInt.of(8))));
        });
  }

  @Test
  void writingAnotherTypeToAMemoryIsAnError() {
    assertError(
        "cannot write u4 to memory 'ram' of u8 words: resize(8) or saturate(8) converts explicitly",
        () -> {
          Mem<UInt> ram = mem("ram", UInt.of(8), 4);
          line[0] = Ir.thisLine(); ram.write(input("addr", UInt.of(2)), input("d", UInt.of(4)));
        });
  }

  @Test
  void aRomCannotBeWritten() {
    assertError(
        "memory 'coeffs' is a ROM (made by rom(...)): it cannot be written",
        () -> {
          Mem<UInt> table = rom("coeffs", UInt.of(8), new int[] {1, 2});
          line[0] = Ir.thisLine(); table.write(input("addr", UInt.of(1)), UInt.lit(3, 8));
        });
  }

  @Test
  void aRomWordThatDoesNotFitIsAnError() {
    assertError("word 1 of memory 'coeffs' is -1, which does not fit u8", () -> {
      line[0] = Ir.thisLine(); rom("coeffs", UInt.of(8), new int[] {1, -1});
    });
  }
}
