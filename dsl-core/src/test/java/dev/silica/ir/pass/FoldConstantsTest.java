package dev.silica.ir.pass;

import static dev.silica.ir.pass.Sketch.add;
import static dev.silica.ir.pass.Sketch.bin;
import static dev.silica.ir.pass.Sketch.cast;
import static dev.silica.ir.pass.Sketch.cat;
import static dev.silica.ir.pass.Sketch.design;
import static dev.silica.ir.pass.Sketch.module;
import static dev.silica.ir.pass.Sketch.mul;
import static dev.silica.ir.pass.Sketch.mux;
import static dev.silica.ir.pass.Sketch.nextLine;
import static dev.silica.ir.pass.Sketch.not;
import static dev.silica.ir.pass.Sketch.resize;
import static dev.silica.ir.pass.Sketch.shlc;
import static dev.silica.ir.pass.Sketch.sub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.silica.ir.Connect;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import dev.silica.ir.SourceLoc;
import dev.silica.ir.Type;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Constant nodes are evaluated per the width table; only exact identities rewrite the rest. */
class FoldConstantsTest {

  private static final Type U8 = Type.u(8);

  private static ModuleDef fold(Sketch m) {
    return new FoldConstants().run(design(m.build())).topModule();
  }

  private static Node node(ModuleDef m, String name) {
    return m.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
  }

  private static boolean hasNode(ModuleDef m, String name) {
    return m.nodes().stream().anyMatch(n -> n.name().equals(name));
  }

  private static Op.Const constant(long value, Type type) {
    return new Op.Const(BigInteger.valueOf(value), type);
  }

  private static String source(ModuleDef m, String port) {
    return m.connects().stream().filter(c -> c.port().equals(port)).map(Connect::source).findFirst().orElseThrow();
  }

  @Test
  void aNodeOfConstantsBecomesAConstantOfItsOwnTypeKeepingNameAndPlace() {
    Sketch m = module("M").out("y", Type.u(9)).constant("a", U8, 200).constant("b", U8, 100);
    SourceLoc sum = nextLine();
    m.node("sum", add("a", "b")).connect("y", "sum");
    Node folded = node(fold(m), "sum");
    assertEquals(new Node("sum", Type.u(9), constant(300, Type.u(9)), sum), folded);
  }

  @Test
  void foldingFollowsTheWidthTableIncludingUnsignedWraparound() {
    Sketch m = module("M").out("y", Type.u(5)).constant("a", Type.u(4), 3).constant("b", Type.u(4), 5);
    m.node("d", sub("a", "b")).connect("y", "d");
    // 3 - 5 = -2, which u5 holds as 32 - 2 = 30.
    assertEquals(constant(30, Type.u(5)), node(fold(m), "d").op());
  }

  @Test
  void constantsPropagateThroughChains() {
    Sketch m = module("M").out("y", Type.s(9)).constant("a", Type.s(4), -3).constant("b", Type.s(4), 2);
    m.node("p", mul("a", "b")).node("q", resize("p", 8)).node("r", Type.s(9), new Op.Unary(Op.UnaryKind.NEG, "q"));
    m.connect("y", "r");
    // -3 * 2 = -6, resized to s8 = -6, negated = 6 in s9
    assertEquals(constant(6, Type.s(9)), node(fold(m), "r").op());
  }

  @Test
  void addingZeroBecomesAResizeToTheResultWidth() {
    Sketch m = module("M").in("x", U8).out("y", Type.u(9)).constant("zero", Type.u(4), 0);
    m.node("sum", add("x", "zero")).connect("y", "sum");
    assertEquals(new Op.Resize("x", 9), node(fold(m), "sum").op());
  }

  @Test
  void multiplyingByOneOrZero() {
    Sketch m = module("M").in("x", Type.s(8)).out("y", Type.s(10)).out("z", Type.s(10));
    m.constant("one", Type.s(2), 1).constant("zero", Type.s(2), 0);
    m.node("p", mul("x", "one")).node("q", mul("zero", "x")).connect("y", "p").connect("z", "q");
    ModuleDef f = fold(m);
    assertEquals(new Op.Resize("x", 10), node(f, "p").op());
    assertEquals(constant(0, Type.s(10)), node(f, "q").op());
  }

  @Test
  void aMuxWithAConstantSelectIsReplacedByItsArmEverywhereItIsRead() {
    Sketch m = module("M").in("a", U8).in("b", U8).out("y", U8).constant("on", Type.bool(), 1);
    m.node("pick", mux("on", "a", "b")).reg("r", U8, "pick").node("n", not("pick")).connect("y", "pick");
    ModuleDef f = fold(m);
    assertFalse(hasNode(f, "pick"));
    assertEquals("a", source(f, "y"));
    assertEquals("a", f.registers().get(0).next());
    assertEquals(not("a"), node(f, "n").op());
  }

  @Test
  void bitwiseIdentitiesWithZeroAndAllOnes() {
    Sketch m = module("M").in("x", Type.s(4)).out("y", Type.s(4));
    m.constant("zero", Type.s(4), 0).constant("ones", Type.s(4), -1);
    m.node("and0", bin(Op.BinaryKind.AND, "x", "zero"));
    m.node("and1", bin(Op.BinaryKind.AND, "ones", "x"));
    m.node("or1", bin(Op.BinaryKind.OR, "x", "ones"));
    m.node("xor1", bin(Op.BinaryKind.XOR, "x", "ones"));
    m.node("all", cat("and0", "and1", "or1", "xor1"));
    m.connect("y", "x");
    ModuleDef f = fold(m);
    assertEquals(constant(0, Type.s(4)), node(f, "and0").op());
    assertFalse(hasNode(f, "and1"));
    assertEquals(constant(-1, Type.s(4)), node(f, "or1").op());
    assertEquals(not("x"), node(f, "xor1").op());
    assertEquals(cat("and0", "x", "or1", "xor1"), node(f, "all").op());
  }

  @Test
  void aSignalComparedOrCombinedWithItself() {
    Sketch m = module("M").in("x", U8).out("y", U8);
    m.node("d", sub("x", "x")).node("e", bin(Op.BinaryKind.EQ, "x", "x")).node("l", bin(Op.BinaryKind.LT, "x", "x"));
    m.node("x2", bin(Op.BinaryKind.XOR, "x", "x")).node("a2", bin(Op.BinaryKind.AND, "x", "x"));
    m.connect("y", "a2");
    ModuleDef f = fold(m);
    assertEquals(constant(0, Type.u(9)), node(f, "d").op());
    assertEquals(constant(1, Type.bool()), node(f, "e").op());
    assertEquals(constant(0, Type.bool()), node(f, "l").op());
    assertEquals(constant(0, U8), node(f, "x2").op());
    assertEquals("x", source(f, "y"));
  }

  @Test
  void conversionsToTheSameTypeAndDoubleNegationDisappear() {
    Sketch m = module("M").in("x", Type.s(8)).out("a", Type.s(8)).out("b", Type.s(8)).out("c", Type.s(8));
    m.node("same", resize("x", 8)).node("u", cast("x", false)).node("back", cast("u", true));
    m.node("n1", not("x")).node("n2", not("n1"));
    m.connect("a", "same").connect("b", "back").connect("c", "n2");
    ModuleDef f = fold(m);
    assertEquals(List.of("x", "x", "x"), f.connects().stream().map(Connect::source).toList());
  }

  @Test
  void aOneBitMuxOfConstantsIsItsSelectOrItsNegation() {
    Sketch m = module("M").in("s", Type.bool()).out("y", Type.bool()).out("z", Type.bool());
    m.constant("one", Type.bool(), 1).constant("zero", Type.bool(), 0);
    m.node("same", mux("s", "one", "zero")).node("inverted", mux("s", "zero", "one"));
    m.connect("y", "same").connect("z", "inverted");
    ModuleDef f = fold(m);
    assertEquals("s", source(f, "y"));
    assertEquals(not("s"), node(f, "inverted").op());
  }

  @Test
  void shiftsByZeroOrPastTheWidth() {
    Sketch m = module("M").in("x", Type.s(8)).out("y", Type.s(8));
    m.constant("zero", Type.u(3), 0).constant("eight", Type.u(4), 8);
    m.node("none", bin(Op.BinaryKind.SHL, "x", "zero"));
    m.node("gone", bin(Op.BinaryKind.SHR, "x", "eight"));
    m.node("sign", bin(Op.BinaryKind.SRA, "x", "eight"));
    m.node("k", shlc("x", 0));
    m.connect("y", "none");
    ModuleDef f = fold(m);
    assertEquals("x", source(f, "y"));
    assertEquals(constant(0, Type.s(8)), node(f, "gone").op());
    // An arithmetic shift past the width gives copies of the sign, which is no constant.
    assertEquals(bin(Op.BinaryKind.SRA, "x", "eight"), node(f, "sign").op());
    assertFalse(hasNode(f, "k"));
  }

  @Test
  void nothingIsRewrittenThatIsNotExactlyEquivalent() {
    Sketch m = module("M").in("x", U8).in("s", Type.bool()).in("w", U8).out("y", Type.u(9));
    m.constant("one", U8, 1).constant("low", U8, 0x0F);
    m.node("inc", add("x", "one")).node("masked", bin(Op.BinaryKind.AND, "x", "low")).node("pick", mux("s", "x", "w"));
    m.node("all", cat("inc", "masked", "pick"));
    m.connect("y", "inc");
    ModuleDef before = m.build();
    assertEquals(before, new FoldConstants().run(design(before)).topModule());
  }

  @Test
  void theFoldedDesignHasFewerNodesAndTheSameStructureElsewhere() {
    Sketch m = module("M").in("x", U8).out("y", U8).constant("on", Type.bool(), 1);
    m.node("pick", mux("on", "x", "x")).reg("r", U8, "pick").connect("y", "r");
    ModuleDef before = m.build();
    ModuleDef after = new FoldConstants().run(design(before)).topModule();
    assertEquals(before.nodes().size() - 1, after.nodes().size());
    assertEquals(before.ports(), after.ports());
    assertEquals(before.connects(), after.connects());
    assertEquals(before.registers().get(0).withNext("x", null), after.registers().get(0));
  }
}
