package dev.silica.dsl;

import static dev.silica.dsl.Hw.input;
import static dev.silica.dsl.Hw.output;
import static dev.silica.dsl.Hw.switchOn;
import static dev.silica.dsl.Hw.wire;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.silica.ir.ModuleDef;
import dev.silica.ir.Op;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** switchOn over a UInt or an enum: its lowering to when/elseWhen/otherwise and its refusals. */
class SwitchTest {

  enum Kind { LOAD, STORE, JUMP }

  private final int[] line = new int[1];

  private void assertError(String message, Runnable body) {
    String actual = Ir.error(body).getMessage();
    assertEquals("SwitchTest.java:" + line[0] + ": " + message, actual);
  }

  @Test
  @DisplayName("each case drives its own value; unmatched selectors take otherwise")
  void uintCases() {
    ModuleDef m = Ir.top(() -> {
      UInt sel = input("sel", UInt.of(3));
      UInt y = output("y", UInt.of(8));
      switchOn(sel)
          .is(0, () -> y.connect(10))
          .is(1, () -> y.connect(20))
          .is(5, () -> y.connect(50))
          .otherwise(() -> y.connect(99));
    });
    IrRun run = new IrRun(m);
    long[] expected = {10, 20, 99, 99, 99, 50, 99, 99};
    for (int sel = 0; sel < 8; sel++) {
      assertEquals(expected[sel], run.poke("sel", sel).peek("y"), "sel = " + sel);
    }
    assertEquals(3, m.nodes().stream().filter(n -> n.op() instanceof Op.Mux).count(), "one mux per case");
  }

  @Test
  @DisplayName("without otherwise, a target keeps its earlier connection where no case matches")
  void enumCasesOverrideADefault() {
    ModuleDef m = Ir.top(() -> {
      HwEnum<Kind> kind = EnumType.of(Kind.class).fromBits(input("kind", UInt.of(2)));
      UInt y = wire("y_wire", UInt.of(4), 7);
      switchOn(kind)
          .is(Kind.LOAD, () -> y.connect(1))
          .is(Kind.JUMP, () -> y.connect(3));
      output("y", UInt.of(4)).connect(y);
    });
    IrRun run = new IrRun(m);
    long[] expected = {1, 7, 3, 7};
    for (int kind = 0; kind < 4; kind++) {
      assertEquals(expected[kind], run.poke("kind", kind).peek("y"), "kind = " + kind);
    }
  }

  @Test
  @DisplayName("a repeated value is a design error at its line naming the first")
  void duplicates() {
    int[] first = new int[1];
    String message = Ir.error(() -> {
      UInt sel = input("sel", UInt.of(2));
      UInt y = output("y", UInt.of(2));
      Switch s = switchOn(sel);
      first[0] = Ir.thisLine(); s.is(1, () -> y.connect(1));
      line[0] = Ir.thisLine(); s.is(1, () -> y.connect(2)).otherwise(() -> y.connect(0));
    }).getMessage();
    assertEquals("SwitchTest.java:" + line[0] + ": is(1) repeats the case at SwitchTest.java:" + first[0]
        + ": each value appears once in a switchOn", message);
    String enumMessage = Ir.error(() -> {
      HwEnum<Kind> kind = EnumType.of(Kind.class).fromBits(input("kind", UInt.of(2)));
      UInt y = output("y", UInt.of(2));
      EnumSwitch<Kind> s = switchOn(kind);
      first[0] = Ir.thisLine(); s.is(Kind.JUMP, () -> y.connect(1));
      line[0] = Ir.thisLine(); s.is(Kind.JUMP, () -> y.connect(2));
    }).getMessage();
    assertEquals("SwitchTest.java:" + line[0] + ": is(Kind.JUMP) repeats the case at SwitchTest.java:" + first[0]
        + ": each value appears once in a switchOn", enumMessage);
  }

  @Test
  @DisplayName("a value the selector cannot hold, otherwise first, and a case after otherwise are refused")
  void misuse() {
    assertError("is(4) can never match the u2 selector u2 sel (0..3)", () -> {
      Switch s = switchOn(input("sel", UInt.of(2)));
      line[0] = Ir.thisLine(); s.is(4, () -> { });
    });
    assertError("is(-1) can never match the u2 selector u2 sel (0..3)", () -> {
      Switch s = switchOn(input("sel", UInt.of(2)));
      line[0] = Ir.thisLine(); s.is(-1, () -> { });
    });
    int[] opened = new int[1];
    String message = Ir.error(() -> {
      opened[0] = Ir.thisLine(); Switch s = switchOn(input("sel", UInt.of(2)));
      line[0] = Ir.thisLine(); s.otherwise(() -> { });
    }).getMessage();
    assertEquals("SwitchTest.java:" + line[0] + ": otherwise of the switchOn at SwitchTest.java:" + opened[0]
        + " needs at least one is before it", message);
    String late = Ir.error(() -> {
      UInt sel = input("sel", UInt.of(2));
      UInt y = output("y", UInt.of(2));
      Switch s = switchOn(sel);
      opened[0] = Ir.thisLine(); s.is(0, () -> y.connect(1)).otherwise(() -> y.connect(0));
      line[0] = Ir.thisLine(); s.is(1, () -> y.connect(2));
    }).getMessage();
    assertEquals("SwitchTest.java:" + line[0] + ": is after otherwise: otherwise ends the when at SwitchTest.java:"
        + opened[0], late);
  }
}
