package dev.silica.ir.pass;

import static dev.silica.ir.pass.Sketch.add;
import static dev.silica.ir.pass.Sketch.bin;
import static dev.silica.ir.pass.Sketch.design;
import static dev.silica.ir.pass.Sketch.module;
import static dev.silica.ir.pass.Sketch.mul;
import static dev.silica.ir.pass.Sketch.nextLine;
import static dev.silica.ir.pass.Sketch.not;
import static dev.silica.ir.pass.Sketch.sub;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.silica.ir.Connect;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import dev.silica.ir.SourceLoc;
import dev.silica.ir.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Equal computations merge into one node; readers of every copy read the survivor. */
class EliminateCommonSubexpressionsTest {

  private static final Type U8 = Type.u(8);
  private static final Type U9 = Type.u(9);

  private static ModuleDef cse(ModuleDef m) {
    return new EliminateCommonSubexpressions().run(design(m)).topModule();
  }

  private static List<String> nodeNames(ModuleDef m) {
    return m.nodes().stream().map(Node::name).toList();
  }

  private static List<String> sources(ModuleDef m) {
    return m.connects().stream().map(Connect::source).toList();
  }

  @Test
  void twoEqualNodesMergeIntoTheFirstAndItsReadersFollow() {
    ModuleDef m =
        module("M")
            .in("a", U8)
            .in("b", U8)
            .out("p", U9)
            .out("q", U9)
            .node("s1", add("a", "b"))
            .node("s2", add("a", "b"))
            .reg("r", U9, "s2")
            .connect("p", "s1")
            .connect("q", "r")
            .build();
    ModuleDef merged = cse(m);
    assertEquals(List.of("s1"), nodeNames(merged));
    assertEquals("s1", merged.registers().get(0).next());
  }

  @Test
  void commutedOperandsAndMirroredComparisonsAreTheSameComputation() {
    ModuleDef m =
        module("M")
            .in("a", U8)
            .in("b", U8)
            .out("y", Type.u(4))
            .node("s1", mul("a", "b"))
            .node("s2", mul("b", "a"))
            .node("lt", bin(Op.BinaryKind.LT, "a", "b"))
            .node("gt", bin(Op.BinaryKind.GT, "b", "a"))
            .node("all", Sketch.cat("lt", "gt", "s1", "s2"))
            .connect("y", "lt")
            .build();
    ModuleDef merged = cse(m);
    assertEquals(List.of("s1", "lt", "all"), nodeNames(merged));
    assertEquals(Sketch.cat("lt", "lt", "s1", "s1"), merged.nodes().get(2).op());
  }

  @Test
  void subtractionIsNotCommutative() {
    ModuleDef m =
        module("M").in("a", U8).in("b", U8).out("y", U9).node("d1", sub("a", "b")).node("d2", sub("b", "a")).connect("y", "d1").build();
    assertEquals(m, cse(m));
  }

  @Test
  void mergingOneLevelExposesTheNext() {
    ModuleDef m =
        module("M")
            .in("a", U8)
            .out("y", U8)
            .out("z", U8)
            .node("n1", not("a"))
            .node("n2", not("a"))
            .node("m1", not("n1"))
            .node("m2", not("n2"))
            .connect("y", "m1")
            .connect("z", "m2")
            .build();
    ModuleDef merged = cse(m);
    assertEquals(List.of("n1", "m1"), nodeNames(merged));
    assertEquals(List.of("m1", "m1"), sources(merged));
  }

  @Test
  void equalConstantsMergeButConstantsOfDifferentTypesDoNot() {
    ModuleDef m =
        module("M")
            .out("y", U8)
            .constant("k1", U8, 5)
            .constant("k2", U8, 5)
            .constant("k3", Type.s(8), 5)
            .node("s", Sketch.cat("k1", "k2", "k3"))
            .connect("y", "k2")
            .build();
    ModuleDef merged = cse(m);
    assertEquals(List.of("k1", "k3", "s"), nodeNames(merged));
    assertEquals(List.of("k1"), sources(merged));
  }

  @Test
  void registersAreStateAndNeverMerge() {
    ModuleDef m =
        module("M").in("a", U8).out("y", U8).out("z", U8).reg("r1", U8, "a").reg("r2", U8, "a").connect("y", "r1").connect("z", "r2").build();
    assertEquals(m, cse(m));
  }

  @Test
  void aUserGivenNameWinsOverGeneratedOnesTakingItsLocation() {
    Sketch s = module("M").in("a", U8).in("b", U8).out("y", U9).out("z", U9);
    s.node("_t3", add("a", "b"));
    SourceLoc named = nextLine();
    s.node("total", add("b", "a"));
    s.node("_t4", add("a", "b"));
    s.connect("y", "_t3").connect("z", "_t4");
    ModuleDef merged =
        new EliminateCommonSubexpressions(name -> name.startsWith("_")).run(design(s.build())).topModule();
    assertEquals(List.of(new Node("total", U9, add("a", "b"), named)), merged.nodes());
    assertEquals(List.of("total", "total"), sources(merged));
  }
}
