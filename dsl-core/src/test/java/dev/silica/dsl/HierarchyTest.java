package dev.silica.dsl;

import static dev.silica.dsl.Hw.input;
import static dev.silica.dsl.Hw.instance;
import static dev.silica.dsl.Hw.output;
import static dev.silica.dsl.Hw.param;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.silica.ir.Design;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Op;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Submodules: port binding, sharing of identical modules, and names from parameters. */
class HierarchyTest {

  /** Adds a constant to its input; the constant is a parameter. */
  static final class AddK extends Module {
    final UInt a;
    final UInt y;

    AddK(int width, int k) {
      param("w", width);
      param("k", k);
      a = input("a", UInt.of(width));
      y = output("y", UInt.of(width));
      y.connect(a.addWrap(k));
    }
  }

  @Test
  void aParentDrivesInstanceInputsAndReadsInstanceOutputs() {
    Design d =
        Ir.elaborate(
            () -> {
              UInt x = input("x", UInt.of(8));
              AddK first = instance("first", () -> new AddK(8, 1));
              first.a.connect(x);
              output("y", UInt.of(8)).connect(first.y);
            });
    ModuleDef top = d.topModule();
    assertEquals(Map.of("a", "x"), Ir.instance(top, "first").inputs());
    assertEquals("AddK_w8_k1", Ir.instance(top, "first").module());
    assertEquals("first.y", Ir.driver(top, "y"));
  }

  @Test
  void theSameClassWithTheSameParametersIsOneModuleInstantiatedTwice() {
    Design d =
        Ir.elaborate(
            () -> {
              UInt x = input("x", UInt.of(8));
              AddK a = instance("a", () -> new AddK(8, 1));
              AddK b = instance("b", () -> new AddK(8, 1));
              a.a.connect(x);
              b.a.connect(a.y);
              output("y", UInt.of(8)).connect(b.y);
            });
    assertEquals(List.of("AddK_w8_k1", "Top"), List.copyOf(d.modules().keySet()));
    assertEquals(Map.of("a", "a.y"), Ir.instance(d.topModule(), "b").inputs());
  }

  @Test
  void differentParametersGiveDistinctModuleNames() {
    Design d =
        Ir.elaborate(
            () -> {
              UInt x = input("x", UInt.of(8));
              AddK a = instance("a", () -> new AddK(8, 1));
              AddK b = instance("b", () -> new AddK(8, 2));
              a.a.connect(x);
              b.a.connect(x);
              output("y", UInt.of(9)).connect(a.y.add(b.y));
            });
    assertEquals(List.of("AddK_w8_k1", "AddK_w8_k2", "Top"), List.copyOf(d.modules().keySet()));
  }

  /** Differs in structure with its argument, but declares no parameter. */
  static final class Undeclared extends Module {
    Undeclared(int width) {
      UInt a = input("a", UInt.of(width));
      output("y", UInt.of(width)).connect(a);
    }
  }

  @Test
  void modulesThatDifferWithoutADeclaredParameterAreNumbered() {
    Design d =
        Ir.elaborate(
            () -> {
              Undeclared a = instance("a", () -> new Undeclared(4));
              Undeclared b = instance("b", () -> new Undeclared(8));
              Undeclared c = instance("c", () -> new Undeclared(4));
              a.port("a", UInt.class).connect(UInt.lit(0, 4));
              b.port("a", UInt.class).connect(UInt.lit(0, 8));
              c.port("a", UInt.class).connect(UInt.lit(1, 4));
            });
    assertEquals("Undeclared", Ir.instance(d.topModule(), "a").module());
    assertEquals("Undeclared_1", Ir.instance(d.topModule(), "b").module());
    assertEquals("Undeclared", Ir.instance(d.topModule(), "c").module());
  }

  @Test
  void portsCanBeFoundByNameWithTheirType() {
    Design d =
        Ir.elaborate(
            () -> {
              AddK k = instance("k", () -> new AddK(4, 3));
              assertSame(k.a, k.port("a", UInt.class));
              k.port("a", UInt.class).connect(input("x", UInt.of(4)));
              output("y", UInt.of(4)).connect(k.port("y", UInt.class));
            });
    assertEquals("k.y", Ir.driver(d.topModule(), "y"));
  }

  @Test
  void lambdaModulesAreSharedByName() {
    Design d =
        Ir.elaborate(
            () -> {
              var inverter =
                  Module.define("Inverter", () -> output("y", UInt.of(4)).connect(input("a", UInt.of(4)).not()));
              UInt x = input("x", UInt.of(4));
              Module first = instance("i0", inverter);
              Module second = instance("i1", inverter);
              first.port("a", UInt.class).connect(x);
              second.port("a", UInt.class).connect(first.port("y", UInt.class));
              output("y", UInt.of(4)).connect(second.port("y", UInt.class));
            });
    assertEquals(List.of("Inverter", "Top"), List.copyOf(d.modules().keySet()));
    assertEquals(new Op.Unary(Op.UnaryKind.NOT, "a"), d.module("Inverter").nodes().get(0).op());
  }

  @Test
  void anInstanceInputReadByTheParentIsWhatDrivesIt() {
    Design d =
        Ir.elaborate(
            () -> {
              AddK k = instance("k", () -> new AddK(4, 3));
              k.a.connect(input("x", UInt.of(4)));
              output("echo", UInt.of(4)).connect(k.a);
            });
    assertEquals("x", Ir.driver(d.topModule(), "echo"));
  }
}
