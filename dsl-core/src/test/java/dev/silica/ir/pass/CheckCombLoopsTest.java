package dev.silica.ir.pass;

import static dev.silica.ir.pass.Sketch.asyncRead;
import static dev.silica.ir.pass.Sketch.bin;
import static dev.silica.ir.pass.Sketch.design;
import static dev.silica.ir.pass.Sketch.module;
import static dev.silica.ir.pass.Sketch.nextLine;
import static dev.silica.ir.pass.Sketch.not;
import static dev.silica.ir.pass.Sketch.syncRead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.Design;
import dev.silica.ir.DesignError;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Op;
import dev.silica.ir.SourceLoc;
import dev.silica.ir.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Combinational cycles are found through nodes, asynchronous reads and instances, and named in order. */
class CheckCombLoopsTest {

  private static final Type U8 = Type.u(8);
  private static final Type U4 = Type.u(4);

  private static DesignError rejects(ModuleDef... modules) {
    return assertThrows(DesignError.class, () -> new CheckCombLoops().run(design(modules)));
  }

  private static void accepts(ModuleDef... modules) {
    Design d = design(modules);
    assertSame(d, new CheckCombLoops().run(d));
  }

  /** Child: y = not x (combinational), z = a register of w. */
  private static ModuleDef child() {
    return module("Child")
        .in("x", U8)
        .in("w", U8)
        .out("y", U8)
        .out("z", U8)
        .node("inv", not("x"))
        .reg("held", U8, "w")
        .connect("y", "inv")
        .connect("z", "held")
        .build();
  }

  @Test
  void aLoopOfNodesListsEverySignalInDataFlowOrderWithItsLocation() {
    Sketch m = module("M").in("x", U8).out("y", U8);
    SourceLoc a = nextLine();
    m.node("a", U8, bin(Op.BinaryKind.XOR, "x", "c"));
    SourceLoc b = nextLine();
    m.node("b", U8, not("a"));
    SourceLoc c = nextLine();
    m.node("c", U8, not("b"));
    m.connect("y", "c");
    DesignError e = rejects(m.build());
    assertEquals(
        a + ": combinational loop in module 'M' through 3 signals: a -> b -> c -> a\n"
            + "  a (node) at " + a + "\n"
            + "  b (node) at " + b + "\n"
            + "  c (node) at " + c,
        e.getMessage());
    assertEquals(List.of(a, b, c), e.locations());
  }

  @Test
  void theLoopStartsAtItsFirstDeclaredSignalWhereverTheSearchEntersIt() {
    Sketch m = module("M").in("x", U8).out("y", U8);
    m.node("entry", U8, not("q"));
    m.node("p", U8, not("r"));
    m.node("q", U8, not("p"));
    m.node("r", U8, not("q"));
    m.connect("y", "entry");
    String first = rejects(m.build()).getMessage().split("\n")[0];
    assertEquals("combinational loop in module 'M' through 3 signals: p -> q -> r -> p", first.substring(first.indexOf("comb")));
  }

  @Test
  void aNodeReadingItselfIsALoopOfOne() {
    Sketch m = module("M").out("y", U8);
    SourceLoc n = nextLine();
    m.node("n", U8, not("n")).connect("y", "n");
    assertEquals(
        n + ": combinational loop in module 'M' through 1 signal: n -> n\n  n (node) at " + n, rejects(m.build()).getMessage());
  }

  @Test
  void aRegisterBreaksTheLoop() {
    accepts(module("M").out("y", U8).reg("r", U8, "n").node("n", not("r")).connect("y", "n").build());
  }

  @Test
  void anAsynchronousReadPortClosesALoopThroughItsAddress() {
    Sketch m = module("M").out("y", U8);
    SourceLoc addr = nextLine();
    m.node("addr", U4, new Op.Slice("data", 3, 0));
    SourceLoc read = nextLine();
    m.memory("mem", 16, U8, ImmutableList.of(asyncRead("data", "addr")), ImmutableList.of()).connect("y", "data");
    assertEquals(
        addr + ": combinational loop in module 'M' through 2 signals: addr -> data -> addr\n"
            + "  addr (node) at " + addr + "\n"
            + "  data (asynchronous read port) at " + read,
        rejects(m.build()).getMessage());
  }

  @Test
  void aSynchronousReadPortBreaksTheLoop() {
    accepts(
        module("M")
            .out("y", U8)
            .node("addr", U4, new Op.Slice("data", 3, 0))
            .memory("mem", 16, U8, ImmutableList.of(syncRead("data", "addr")), ImmutableList.of())
            .connect("y", "data")
            .build());
  }

  @Test
  void aLoopThroughAnInstanceFollowsTheChildsCombinationalPath() {
    Sketch top = module("Top").in("k", U8).out("o", U8);
    SourceLoc n = nextLine();
    top.node("n", U8, not("u.y"));
    SourceLoc inst = nextLine();
    top.instance("u", child(), "x", "n", "w", "k").connect("o", "n");
    assertEquals(
        n + ": combinational loop in module 'Top' through 2 signals: n -> u.y -> n\n"
            + "  n (node) at " + n + "\n"
            + "  u.y (output 'y' of instance 'u' of module 'Child', combinationally from its input 'x') at " + inst,
        rejects(child(), top.build()).getMessage());
  }

  @Test
  void feedingBackIntoAnInputThatReachesNoOutputCombinationallyIsNoLoop() {
    // w reaches z only through the child's register.
    accepts(
        child(),
        module("Top").in("k", U8).out("o", U8).node("n", not("u.z")).instance("u", child(), "x", "k", "w", "n").connect("o", "n").build());
  }

  @Test
  void combinationalPathsComposeThroughSeveralLevels() {
    ModuleDef middle = module("Middle").in("m", U8).in("unused", U8).out("q", U8).instance("c", child(), "x", "m", "w", "unused").connect("q", "c.y").build();
    Sketch top = module("Top").out("o", U8).node("n", not("mid.q"));
    top.instance("mid", middle, "m", "n", "unused", "n").connect("o", "n");
    String first = rejects(child(), middle, top.build()).getMessage().split("\n")[0];
    assertEquals("combinational loop in module 'Top' through 2 signals: n -> mid.q -> n", first.substring(first.indexOf("comb")));
  }

  @Test
  void aLoopInsideAChildIsReportedInTheChild() {
    ModuleDef bad = module("Bad").in("x", U8).out("y", U8).node("p", U8, not("p")).connect("y", "x").build();
    ModuleDef top = module("Top").in("k", U8).out("o", U8).instance("b", bad, "x", "k").connect("o", "b.y").build();
    String first = rejects(bad, top).getMessage().split("\n")[0];
    assertEquals("combinational loop in module 'Bad' through 1 signal: p -> p", first.substring(first.indexOf("comb")));
  }

  @Test
  void aDeepAcyclicChainIsAcceptedWithoutExhaustingTheStack() {
    Sketch m = module("M").in("x", U8).out("y", U8);
    String previous = "x";
    for (int k = 0; k < 50_000; k++) {
      m.node("n" + k, U8, not(previous));
      previous = "n" + k;
    }
    accepts(m.connect("y", previous).build());
  }
}
