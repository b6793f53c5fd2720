package dev.silica.dsl;

import static dev.silica.dsl.Hw.bundle;
import static dev.silica.dsl.Hw.input;
import static dev.silica.dsl.Hw.inputVec;
import static dev.silica.dsl.Hw.instance;
import static dev.silica.dsl.Hw.output;
import static dev.silica.dsl.Hw.outputVec;
import static dev.silica.dsl.Hw.regVec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.silica.ir.Design;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Op;
import dev.silica.ir.Port;
import dev.silica.ir.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Vectors of values and bundles of ports. */
class VecAndBundleTest {

  /** A valid/ready stream: data and valid go downstream, ready comes back. */
  static final class Stream extends Bundle {
    final UInt data;
    final Bool valid;
    final Bool ready;

    Stream(Ports p, int width) {
      data = p.out("data", UInt.of(width));
      valid = p.out("valid", Bool.TYPE);
      ready = p.in("ready", Bool.TYPE);
    }
  }

  /** Passes a stream through. */
  static final class Pass extends Module {
    final Stream in = bundle("in", p -> new Stream(p.flipped(), 8));
    final Stream out = bundle("out", p -> new Stream(p, 8));

    Pass() {
      out.connectAll(in);
    }
  }

  @Test
  void vectorPortsAreNumbered() {
    ModuleDef m =
        Ir.top(
            () -> {
              Vec<UInt> xs = inputVec("x", 3, UInt.of(4));
              Vec<UInt> ys = outputVec("y", 3, UInt.of(4));
              for (int i = 0; i < 3; i++) {
                ys.get(i).connect(xs.get(2 - i));
              }
            });
    assertEquals(List.of("x_0", "x_1", "x_2", "y_0", "y_1", "y_2"), m.ports().stream().map(Port::name).toList());
    assertEquals("x_2", Ir.driver(m, "y_0"));
  }

  @Test
  void aRunTimeIndexSelectsThroughAMuxTreeOnTheIndexBits() {
    ModuleDef m =
        Ir.top(
            () -> {
              Vec<UInt> xs = inputVec("x", 4, UInt.of(8));
              output("y", UInt.of(8)).connect(xs.get(input("i", UInt.of(2))).named("picked"));
            });
    Op.Mux top = (Op.Mux) Ir.node(m, "picked").op();
    assertEquals(new Op.Slice("i", 1, 1), Ir.node(m, top.sel()).op());
    Op.Mux high = (Op.Mux) Ir.node(m, top.whenTrue()).op();
    assertEquals("x_3", high.whenTrue());
    assertEquals("x_2", high.whenFalse());
    Op.Mux low = (Op.Mux) Ir.node(m, top.whenFalse()).op();
    assertEquals(new Op.Slice("i", 0, 0), Ir.node(m, low.sel()).op());
    assertEquals("x_1", low.whenTrue());
    assertEquals("x_0", low.whenFalse());
  }

  @Test
  void anIndexBeyondTheSizeReadsZero() {
    ModuleDef m =
        Ir.top(
            () -> {
              Vec<UInt> xs = inputVec("x", 3, UInt.of(8));
              output("y", UInt.of(8)).connect(xs.get(input("i", UInt.of(4))).named("picked"));
            });
    Op.Mux guard = (Op.Mux) Ir.node(m, "picked").op();
    assertEquals(new Op.Unary(Op.UnaryKind.OR_REDUCE, ((Op.Unary) Ir.node(m, guard.sel()).op()).a()), Ir.node(m, guard.sel()).op());
    assertEquals(new Op.Slice("i", 3, 2), Ir.node(m, ((Op.Unary) Ir.node(m, guard.sel()).op()).a()).op());
    assertEquals("lit_0_u8", guard.whenTrue());
  }

  @Test
  void connectAtWritesTheElementTheIndexSelects() {
    ModuleDef m =
        Ir.top(
            () -> {
              UInt i = input("i", UInt.of(1));
              UInt d = input("d", UInt.of(8));
              Vec<UInt> regs = regVec("r", 2, UInt.of(8));
              regs.connectAt(i, d);
              output("y", UInt.of(9)).connect(regs.get(0).add(regs.get(1)));
            });
    for (int k = 0; k < 2; k++) {
      var r = Ir.register(m, "r_" + k);
      assertEquals("d", r.next());
      assertEquals(new Op.Binary(Op.BinaryKind.EQ, "i", "lit_" + k + "_u1"), Ir.node(m, r.enable()).op());
    }
  }

  @Test
  void bundlePortsArePrefixedAndFlippedBundlesSwapDirections() {
    ModuleDef m = Elaborator.elaborate(Pass::new).topModule();
    assertEquals(
        List.of(
            new Port("in_data", Port.Direction.IN, Type.u(8), m.ports().get(0).loc()),
            new Port("in_valid", Port.Direction.IN, Type.bool(), m.ports().get(1).loc()),
            new Port("in_ready", Port.Direction.OUT, Type.bool(), m.ports().get(2).loc()),
            new Port("out_data", Port.Direction.OUT, Type.u(8), m.ports().get(3).loc()),
            new Port("out_valid", Port.Direction.OUT, Type.bool(), m.ports().get(4).loc()),
            new Port("out_ready", Port.Direction.IN, Type.bool(), m.ports().get(5).loc())),
        m.ports());
  }

  @Test
  void connectAllDrivesEachElementInItsOwnDirection() {
    ModuleDef m = Elaborator.elaborate(Pass::new).topModule();
    assertEquals("in_data", Ir.driver(m, "out_data"));
    assertEquals("in_valid", Ir.driver(m, "out_valid"));
    assertEquals("out_ready", Ir.driver(m, "in_ready"));
  }

  @Test
  void connectAllBindsAnInstancesBundleFromItsParent() {
    Design d =
        Ir.elaborate(
            () -> {
              Stream src = bundle("src", p -> new Stream(p.flipped(), 8));
              Stream dst = bundle("dst", p -> new Stream(p, 8));
              Pass stage = instance("stage", Pass::new);
              stage.in.connectAll(src);
              dst.connectAll(stage.out);
            });
    ModuleDef top = d.topModule();
    assertEquals(Map.of("in_data", "src_data", "in_valid", "src_valid", "out_ready", "dst_ready"), Ir.instance(top, "stage").inputs());
    assertEquals("stage.in_ready", Ir.driver(top, "src_ready"));
    assertEquals("stage.out_data", Ir.driver(top, "dst_data"));
  }
}
