package dev.silica.dsl;

import static dev.silica.dsl.Hw.input;
import static dev.silica.dsl.Hw.output;
import static dev.silica.dsl.Hw.param;
import static dev.silica.dsl.Hw.reg;
import static dev.silica.dsl.Hw.when;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.silica.ir.Design;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Op;
import dev.silica.ir.Type;
import org.junit.jupiter.api.Test;

/** The example of the package guide (dev/silica/dsl/package-info.java) compiles and elaborates as described. */
class GuideExampleTest {

  /** Accumulates signed samples while valid; reports a saturated sum and whether it left the range. */
  static final class Accumulator extends Module {
    final SInt sample = input("sample", SInt.of(8));
    final Bool valid = input("valid", Bool.TYPE);
    final Bool clear = input("clear", Bool.TYPE);
    final SInt sum = output("sum", SInt.of(12));
    final Bool outside = output("outside", Bool.TYPE);
    final SInt total;

    Accumulator(int limit) {
      param("limit", limit);
      total = reg("total", SInt.of(16));
      when(clear, () -> total.connect(0))
          .elseWhen(valid, () -> total.connect(total.addWrap(sample.resize(16))));
      sum.connect(total.saturate(12));
      outside.connect(total.gt(limit).or(total.lt(-limit)));
    }
  }

  @Test
  void theGuideExampleElaborates() {
    Design d = Elaborator.elaborate(() -> new Accumulator(1000));
    Ir.assertWellTyped(d);
    ModuleDef m = d.topModule();
    assertEquals("Accumulator_limit1000", m.name());
    assertEquals(Type.s(16), Ir.register(m, "total").type());
    assertEquals("clear", ((Op.Mux) Ir.node(m, Ir.register(m, "total").next()).op()).sel());
    assertEquals(Type.s(12), Ir.node(m, Ir.driver(m, "sum")).type());
  }
}
