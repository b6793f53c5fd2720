package dev.silica.testbench;

import static dev.silica.dsl.Hw.input;
import static dev.silica.dsl.Hw.output;
import static dev.silica.dsl.Hw.reg;
import static dev.silica.dsl.Hw.stateMachine;
import static dev.silica.dsl.Hw.switchOn;
import static dev.silica.dsl.Hw.when;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.dsl.Bool;
import dev.silica.dsl.Elaborator;
import dev.silica.dsl.Module;
import dev.silica.dsl.StateMachine;
import dev.silica.dsl.UInt;
import dev.silica.ir.Design;
import dev.silica.verilog.Tools;
import dev.silica.verilog.VerilogEmitter;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A traffic light written with the DSL's state machine and switch, run under random inputs against
 * a Java model of its specification; its state register keeps its name.
 */
class StateMachineSimTest {

  enum Light { RED, GREEN, YELLOW }

  /**
   * RED waits for {@code go}; GREEN lasts three cycles (its timer counts 0, 1, 2); YELLOW lasts
   * one. {@code light} is the state's encoding, {@code stopped} whether it is RED, and {@code code}
   * decodes {@code op}: 0 gives 1, 1 gives 2, 3 gives 8, anything else 0.
   */
  private static Design trafficLight() {
    return Elaborator.elaborate(Module.define("TrafficLight", () -> {
      Bool go = input("go", Bool.TYPE);
      UInt op = input("op", UInt.of(2));
      UInt timer = reg("timer", UInt.of(2));
      StateMachine<Light> fsm = stateMachine("ctrl", Light.class, Light.RED);
      timer.connect(0);
      fsm.is(Light.RED, () -> when(go, () -> fsm.goTo(Light.GREEN)));
      fsm.is(Light.GREEN, () -> {
        timer.connect(timer.addWrap(1));
        when(timer.eq(2), () -> fsm.goTo(Light.YELLOW));
      });
      fsm.is(Light.YELLOW, () -> fsm.goTo(Light.RED));
      output("light", UInt.of(2)).connect(fsm.state().asUInt());
      output("stopped", Bool.TYPE).connect(fsm.isIn(Light.RED));
      UInt code = output("code", UInt.of(4));
      switchOn(op)
          .is(0, () -> code.connect(1))
          .is(1, () -> code.connect(2))
          .is(3, () -> code.connect(8))
          .otherwise(() -> code.connect(0));
    }));
  }

  /** On Silica's simulator and, for the emitted Verilog, on Icarus (Verilator's build would take most of a minute). */
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Engine.class, names = {"SILICA", "ICARUS"})
  void theLightFollowsItsSpecificationUnderRandomInputs(Engine engine) {
    if (engine == Engine.ICARUS) {
      Tools.require("iverilog");
    }
    long[] codes = {1, 2, 0, 8};
    Random random = new Random(13);
    try (Tester t = Tester.of(trafficLight(), engine)) {
      t.reset();
      Light state = Light.RED;
      int timer = 0;
      for (int cycle = 0; cycle < 300; cycle++) {
        boolean go = random.nextInt(3) == 0;
        int op = random.nextInt(4);
        t.poke("go", go ? 1 : 0).poke("op", op);
        t.expect("light", state.ordinal()).expect("stopped", state == Light.RED ? 1 : 0).expect("code", codes[op]);
        t.step();
        Light next = switch (state) {
          case RED -> go ? Light.GREEN : Light.RED;
          case GREEN -> timer == 2 ? Light.YELLOW : Light.GREEN;
          case YELLOW -> Light.RED;
        };
        timer = state == Light.GREEN ? (timer + 1) % 4 : 0;
        state = next;
      }
    }
  }

  @Test
  void theStateRegisterIsDeclaredAndPeekedUnderItsOwnName() {
    Design design = trafficLight();
    String verilog = VerilogEmitter.emit(design).module("TrafficLight");
    assertTrue(Pattern.compile("reg\\s+\\[1:0\\]\\s+ctrl\\b").matcher(verilog).find(), verilog);
    try (Tester t = Tester.of(design, Engine.SILICA)) {
      t.reset().expect("ctrl", Light.RED.ordinal()).poke("go", 1).step().expect("ctrl", Light.GREEN.ordinal());
    }
  }
}
