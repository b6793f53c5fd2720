package dev.silica.ir.pass;

import static dev.silica.ir.pass.Sketch.add;
import static dev.silica.ir.pass.Sketch.design;
import static dev.silica.ir.pass.Sketch.module;
import static dev.silica.ir.pass.Sketch.nextLine;
import static dev.silica.ir.pass.Sketch.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.silica.ir.Design;
import dev.silica.ir.DesignError;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.SourceLoc;
import dev.silica.ir.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every output driven once, every register fed, every instance input bound once, every name real. */
class CheckDriversTest {

  private static final Type U8 = Type.u(8);

  private static DesignError rejects(Design d) {
    return assertThrows(DesignError.class, () -> new CheckDrivers().run(d));
  }

  private static ModuleDef adder() {
    return module("Adder").in("a", U8).in("b", U8).out("s", Type.u(9)).node("sum", add("a", "b")).connect("s", "sum").build();
  }

  @Test
  void aCompletelyWiredDesignPassesUnchanged() {
    Design d =
        design(
            adder(),
            module("Top")
                .in("x", U8)
                .out("y", Type.u(9))
                .instance("u", adder(), "a", "x", "b", "x")
                .reg("r", Type.u(9), "u.s")
                .connect("y", "r")
                .build());
    assertSame(d, new CheckDrivers().run(d));
  }

  @Test
  void anUndrivenOutputIsReportedAtThePort() {
    SourceLoc port = nextLine();
    Sketch m = module("M").in("a", U8).out("y", U8);
    DesignError e = rejects(design(m.build()));
    assertEquals(port + ": output 'y' of module 'M' is never driven", e.getMessage());
  }

  @Test
  void anOutputDrivenTwiceListsBothDrivers() {
    Sketch m = module("M").in("a", U8).in("b", U8).out("y", U8);
    SourceLoc first = nextLine();
    m.connect("y", "a");
    SourceLoc second = nextLine();
    m.connect("y", "b");
    DesignError e = rejects(design(m.build()));
    assertEquals(
        first + ": output 'y' of module 'M' has 2 drivers:\n  'a' at " + first + "\n  'b' at " + second,
        e.getMessage());
    assertEquals(List.of(first, second), e.locations());
  }

  @Test
  void drivingAnInputIsAnError() {
    Sketch m = module("M").in("a", U8).out("y", U8).connect("y", "a");
    SourceLoc bad = nextLine();
    m.connect("a", "a");
    assertEquals(bad + ": 'a' is an input of module 'M' and cannot be driven", rejects(design(m.build())).getMessage());
  }

  @Test
  void drivingAPortThatDoesNotExistIsAnError() {
    Sketch m = module("M").in("a", U8).out("y", U8).connect("y", "a");
    SourceLoc bad = nextLine();
    m.connect("z", "a");
    assertEquals(bad + ": module 'M' has no output 'z' to drive", rejects(design(m.build())).getMessage());
  }

  @Test
  void aRegisterWithoutNextValueIsAnError() {
    SourceLoc reg = nextLine();
    Sketch m = module("M").out("y", U8).reg("r", U8, null).connect("y", "r");
    assertEquals(reg + ": register 'r' of module 'M' has no next value", rejects(design(m.build())).getMessage());
  }

  @Test
  void readingANameThatIsNoSignalIsReportedAtTheReader() {
    Sketch m = module("M").in("a", U8).out("y", Type.u(9));
    SourceLoc node = nextLine();
    m.node("sum", Type.u(9), add("a", "bb")).connect("y", "sum");
    assertEquals(
        node + ": node 'sum' reads 'bb', which is not a signal of module 'M'", rejects(design(m.build())).getMessage());
  }

  @Test
  void aRegisterReadingAMissingEnableIsReported() {
    SourceLoc reg = nextLine();
    Sketch m = module("M").in("a", U8).out("y", U8).reg("r", U8, "a", "go").connect("y", "r");
    assertEquals(
        reg + ": enable of register 'r' reads 'go', which is not a signal of module 'M'",
        rejects(design(m.build())).getMessage());
  }

  @Test
  void everyInputOfAnInstanceMustBeBound() {
    Sketch top = module("Top").in("x", U8).out("y", Type.u(9));
    SourceLoc inst = nextLine();
    top.instance("u", adder(), "a", "x").connect("y", "u.s");
    assertEquals(
        inst + ": input 'b' of instance 'u' (module 'Adder') is not bound",
        rejects(design(adder(), top.build())).getMessage());
  }

  @Test
  void bindingSomethingThatIsNotAnInputOfTheChildIsAnError() {
    Sketch top = module("Top").in("x", U8).out("y", Type.u(9));
    SourceLoc inst = nextLine();
    top.instance("u", adder(), "a", "x", "b", "x", "s", "x").connect("y", "u.s");
    assertEquals(
        inst + ": instance 'u' binds 's', which is not an input of module 'Adder'",
        rejects(design(adder(), top.build())).getMessage());
  }

  @Test
  void bindingAnInstanceInputToAMissingSignalIsAnError() {
    Sketch top = module("Top").in("x", U8).out("y", Type.u(9));
    SourceLoc inst = nextLine();
    top.instance("u", adder(), "a", "x", "b", "nope").connect("y", "u.s");
    assertEquals(
        inst + ": input 'b' of instance 'u' reads 'nope', which is not a signal of module 'Top'",
        rejects(design(adder(), top.build())).getMessage());
  }

  @Test
  void readingAnOutputOfAnInstanceThatTheChildLacksIsAnError() {
    Sketch top = module("Top").in("x", U8).out("y", Type.u(9)).instance("u", adder(), "a", "x", "b", "x");
    SourceLoc connect = nextLine();
    top.connect("y", "u.carry");
    assertEquals(
        connect + ": output 'y' reads 'u.carry', which is not a signal of module 'Top'",
        rejects(design(adder(), top.build())).getMessage());
  }

  @Test
  void anInstanceOfAMissingModuleIsAnError() {
    Sketch top = module("Top").in("x", U8).out("y", Type.u(9));
    SourceLoc inst = nextLine();
    top.instance("u", adder(), "a", "x", "b", "x").connect("y", "u.s");
    assertEquals(
        inst + ": instance 'u' is of module 'Adder', which is not in the design",
        rejects(design(top.build())).getMessage());
  }

  @Test
  void aModuleThatInstantiatesItselfIsAnError() {
    ModuleDef loopy = module("Loopy").in("x", U8).out("y", U8).connect("y", "x").build();
    Sketch m = module("Loopy").in("x", U8).out("y", U8);
    SourceLoc inst = nextLine();
    m.instance("again", loopy, "x", "x").connect("y", "again.y");
    assertEquals(
        inst + ": module 'Loopy' instantiates itself through instance 'again' (Loopy -> Loopy)",
        rejects(design(m.build())).getMessage());
  }

  @Test
  void twoSignalsWithOneNameAreAnError() {
    SourceLoc first = nextLine();
    Sketch m = module("M").in("a", U8).out("y", U8).node("t", not("a"));
    SourceLoc second = nextLine();
    m.node("t", not("a")).connect("y", "t");
    assertEquals(
        second + ": the name 't' is used twice (first at " + first + ")", rejects(design(m.build())).getMessage());
  }
}
