package dev.silica.dsl;

import static dev.silica.dsl.Hw.input;
import static dev.silica.dsl.Hw.instance;
import static dev.silica.dsl.Hw.output;
import static dev.silica.dsl.Hw.reg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import dev.silica.ir.SourceLoc;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How elements are named: declared names, field names, {@code named(...)}, and automatic names. */
class NamingTest {

  /** Holds intermediate values in fields. */
  static final class Fields extends Module {
    final UInt a = input("a", UInt.of(8));
    final UInt sum;
    final UInt explicit;
    final List<UInt> parts;
    final HierarchyTest.AddK adder;
    final int line;

    Fields() {
      sum = a.add(a);
      explicit = a.mul(a).named("square");
      parts = List.of(a.slice(3, 0), a.slice(7, 4));
      adder = instance(() -> new HierarchyTest.AddK(8, 1));
      adder.a.connect(a);
      line = Ir.thisLine(); UInt unnamed = sum.add(explicit);
      output("y", UInt.of(17)).connect(unnamed);
    }
  }

  @Test
  void valuesInFieldsTakeTheFieldName() {
    ModuleDef m = Elaborator.elaborate(Fields::new).topModule();
    assertEquals(new Op.Binary(Op.BinaryKind.ADD, "a", "a"), Ir.node(m, "sum").op());
    assertEquals(new Op.Slice("a", 3, 0), Ir.node(m, "parts_0").op());
    assertEquals(new Op.Slice("a", 7, 4), Ir.node(m, "parts_1").op());
  }

  /** Holds values in an array that still has an empty slot when the constructor ends. */
  static final class PartlyFilledArray extends Module {
    final UInt[] stages = new UInt[3];

    PartlyFilledArray() {
      UInt a = input("a", UInt.of(8));
      stages[0] = a.add(a);
      stages[2] = a.mul(a);
      output("y", UInt.of(9)).connect(stages[0]);
      output("z", UInt.of(16)).connect(stages[2]);
    }
  }

  @Test
  void arrayFieldsNameTheirElementsAndSkipEmptySlots() {
    ModuleDef m = Elaborator.elaborate(PartlyFilledArray::new).topModule();
    assertEquals(new Op.Binary(Op.BinaryKind.ADD, "a", "a"), Ir.node(m, "stages_0").op());
    assertEquals(new Op.Binary(Op.BinaryKind.MUL, "a", "a"), Ir.node(m, "stages_2").op());
  }

  @Test
  void anExplicitNameWinsOverTheFieldName() {
    ModuleDef m = Elaborator.elaborate(Fields::new).topModule();
    assertEquals(new Op.Binary(Op.BinaryKind.MUL, "a", "a"), Ir.node(m, "square").op());
  }

  @Test
  void anInstanceInAFieldTakesTheFieldName() {
    ModuleDef m = Elaborator.elaborate(Fields::new).topModule();
    assertEquals("AddK_w8_k1", Ir.instance(m, "adder").module());
  }

  @Test
  void otherValuesAreNamedAfterTheirOperationAndJavaLine() {
    Fields[] built = new Fields[1];
    ModuleDef m = Elaborator.elaborate(() -> built[0] = new Fields()).topModule();
    Node unnamed = Ir.node(m, "add_" + built[0].line);
    assertEquals(new Op.Binary(Op.BinaryKind.ADD, "sum", "square"), unnamed.op());
    assertEquals(new SourceLoc("NamingTest.java", built[0].line), unnamed.loc());
  }

  @Test
  void automaticNamesFromOneLineAreMadeDistinct() {
    int[] line = new int[1];
    ModuleDef m =
        Ir.top(
            () -> {
              UInt a = input("a", UInt.of(8));
              line[0] = Ir.thisLine(); UInt x = a.add(1).add(2);
              output("y", UInt.of(10)).connect(x);
            });
    assertEquals(new Op.Binary(Op.BinaryKind.ADD, "a", "lit_1_u1"), Ir.node(m, "add_" + line[0]).op());
    assertEquals(new Op.Binary(Op.BinaryKind.ADD, "add_" + line[0], "lit_2_u2"), Ir.node(m, "add_" + line[0] + "_1").op());
  }

  @Test
  void aLongChainFromOneLineGetsDistinctNamesInOrder() {
    int[] line = new int[1];
    int length = 20_000;
    ModuleDef m =
        Ir.top(
            () -> {
              UInt acc = input("a", UInt.of(8));
              for (int i = 0; i < length; i++) {
                line[0] = Ir.thisLine(); acc = acc.not();
              }
              output("y", UInt.of(8)).connect(acc);
            });
    assertEquals(length, m.nodes().size());
    assertEquals(new Op.Unary(Op.UnaryKind.NOT, "a"), m.nodes().get(0).op());
    assertEquals("not_" + line[0] + "_" + (length - 1), m.nodes().get(length - 1).name());
  }

  @Test
  void repeatedExplicitNamesGetASuffix() {
    ModuleDef m =
        Ir.top(
            () -> {
              UInt a = input("a", UInt.of(8));
              UInt first = a.add(1).named("inc");
              UInt second = first.add(1).named("inc");
              output("y", UInt.of(10)).connect(second);
            });
    assertEquals(new Op.Binary(Op.BinaryKind.ADD, "inc", "lit_1_u1"), Ir.node(m, "inc_1").op());
  }

  @Test
  void automaticNamesGiveWayToDeclaredOnes() {
    int[] line = new int[1];
    ModuleDef m =
        Ir.top(
            () -> {
              UInt a = input("a", UInt.of(8));
              line[0] = Ir.thisLine(); UInt sum = a.add(a);
              reg("add_" + line[0], UInt.of(9)).connect(sum);
              output("y", UInt.of(9)).connect(sum);
            });
    assertEquals("add_" + line[0], Ir.register(m, "add_" + line[0]).name());
    assertEquals(new Op.Binary(Op.BinaryKind.ADD, "a", "a"), Ir.node(m, "add_" + line[0] + "_1").op());
  }

  @Test
  void everyElementRecordsTheJavaLineThatMadeIt() {
    int[] line = new int[3];
    ModuleDef m =
        Ir.top(
            () -> {
              line[0] = Ir.thisLine(); UInt a = input("a", UInt.of(8));
              line[1] = Ir.thisLine(); UInt r = reg("r", UInt.of(8));
              r.connect(a);
              line[2] = Ir.thisLine(); output("y", UInt.of(8)).connect(r.not().named("inverted"));
            });
    assertEquals(new SourceLoc("NamingTest.java", line[0]), m.port("a").orElseThrow().loc());
    assertEquals(new SourceLoc("NamingTest.java", line[1]), Ir.register(m, "r").loc());
    assertEquals(new SourceLoc("NamingTest.java", line[2]), Ir.node(m, "inverted").loc());
  }

  @Test
  void everyNameIsALegalIdentifier() {
    ModuleDef m = Elaborator.elaborate(Fields::new).topModule();
    assertTrue(m.nodes().stream().allMatch(n -> n.name().matches("[A-Za-z_][A-Za-z0-9_]*")), m.nodes().toString());
  }
}
