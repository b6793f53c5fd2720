package dev.silica.ir.pass;

import static dev.silica.ir.pass.Sketch.add;
import static dev.silica.ir.pass.Sketch.design;
import static dev.silica.ir.pass.Sketch.module;
import static dev.silica.ir.pass.Sketch.nextLine;
import static dev.silica.ir.pass.Sketch.not;
import static dev.silica.ir.pass.Sketch.sub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.silica.ir.DesignError;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import dev.silica.ir.SourceLoc;
import dev.silica.ir.Type;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The named pipelines: what they run, in which order, and that optimising repeats until stable. */
class PassesTest {

  private static final Type U8 = Type.u(8);

  @Test
  void checksRunWiringBeforeWidthsBeforeLoops() {
    assertEquals(
        List.of("check-drivers", "check-types", "check-comb-loops"),
        Passes.checks().passes().stream().map(Pass::name).toList());
  }

  @Test
  void aMissingNameIsReportedAsSuchRatherThanAsATypeError() {
    Sketch m = module("M").in("a", U8).out("y", Type.u(9));
    SourceLoc node = nextLine();
    m.node("sum", Type.u(9), add("a", "typo")).connect("y", "sum");
    DesignError e = assertThrows(DesignError.class, () -> Passes.standard().run(design(m.build())));
    assertEquals(node + ": node 'sum' reads 'typo', which is not a signal of module 'M'", e.getMessage());
  }

  @Test
  void optimizingRepeatsUntilOnePassesWorkOpensNoChanceForAnother() {
    // n1 and n2 merge, which turns d into n1 - n1: 0 in u9, and every node but that constant dies.
    ModuleDef m =
        module("M")
            .in("a", U8)
            .out("y", Type.u(9))
            .node("n1", not("a"))
            .node("n2", not("a"))
            .node("d", sub("n1", "n2"))
            .connect("y", "d")
            .build();
    ModuleDef optimized = Passes.standard().run(design(m)).topModule();
    assertEquals(
        List.of(new Node("d", Type.u(9), new Op.Const(BigInteger.ZERO, Type.u(9)), m.nodes().get(2).loc())),
        optimized.nodes());
  }
}
