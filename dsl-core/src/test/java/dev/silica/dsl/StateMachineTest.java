package dev.silica.dsl;

import static dev.silica.dsl.Hw.input;
import static dev.silica.dsl.Hw.output;
import static dev.silica.dsl.Hw.reg;
import static dev.silica.dsl.Hw.stateMachine;
import static dev.silica.dsl.Hw.when;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.silica.ir.ModuleDef;
import dev.silica.ir.Register;
import dev.silica.ir.Type;
import java.math.BigInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The state-machine helper: its named state register, is/goTo sections, and last-connect-wins. */
class StateMachineTest {

  enum Phase { IDLE, LOAD, RUN, DONE, ERROR }

  /**
   * IDLE waits for start; LOAD takes one cycle; RUN counts to 3 and then goes to DONE, unless abort
   * sends it to ERROR (a later goTo, so it wins); DONE and ERROR return to IDLE.
   */
  private static ModuleDef sequencer() {
    return Ir.top(() -> {
      Bool start = input("start", Bool.TYPE);
      Bool abort = input("abort", Bool.TYPE);
      UInt count = reg("count", UInt.of(2));
      StateMachine<Phase> fsm = stateMachine("ctrl", Phase.class, Phase.IDLE);
      fsm.is(Phase.IDLE, () -> when(start, () -> fsm.goTo(Phase.LOAD)))
          .is(Phase.LOAD, () -> {
            count.connect(0);
            fsm.goTo(Phase.RUN);
          })
          .is(Phase.RUN, () -> {
            count.connect(count.addWrap(1));
            when(count.eq(3), () -> fsm.goTo(Phase.DONE));
            when(abort, () -> fsm.goTo(Phase.ERROR));
          });
      fsm.is(Phase.DONE, () -> fsm.goTo(Phase.IDLE));
      fsm.is(Phase.ERROR, () -> fsm.goTo(Phase.IDLE));
      output("busy", Bool.TYPE).connect(fsm.isIn(Phase.LOAD).or(fsm.isIn(Phase.RUN)));
      output("state", UInt.of(3)).connect(fsm.state().asUInt());
    });
  }

  @Test
  @DisplayName("the state register carries the given name, the enum's encoding and the initial state")
  void stateRegister() {
    Register ctrl = Ir.register(sequencer(), "ctrl");
    assertEquals(Type.u(3), ctrl.type());
    assertEquals(BigInteger.ZERO, ctrl.init());
  }

  @Test
  @DisplayName("the machine moves through its states cycle by cycle as its sections say")
  void runsThroughItsStates() {
    IrRun run = new IrRun(sequencer());
    assertEquals(Phase.IDLE.ordinal(), run.step().peek("state"), "stays idle without start");
    run.poke("start", 1).step().poke("start", 0);
    assertEquals(Phase.LOAD.ordinal(), run.peek("state"));
    assertEquals(1, run.peek("busy"));
    run.step();
    for (int c = 0; c < 4; c++) {
      assertEquals(Phase.RUN.ordinal(), run.peek("state"), "counting, cycle " + c);
      run.step();
    }
    assertEquals(Phase.DONE.ordinal(), run.peek("state"));
    assertEquals(0, run.peek("busy"));
    assertEquals(Phase.IDLE.ordinal(), run.step().peek("state"));
  }

  @Test
  @DisplayName("a later goTo overrides an earlier one in the same cycle, as when's last connect wins")
  void lastGoToWins() {
    IrRun run = new IrRun(sequencer());
    run.poke("start", 1).step().poke("start", 0).step().step().step().step();
    assertEquals(3, run.peek("count"), "the count condition for DONE holds");
    run.poke("abort", 1).step();
    assertEquals(Phase.ERROR.ordinal(), run.peek("state"));
  }

  @Test
  @DisplayName("isIn shares one comparison per state however often it is asked")
  void isInIsShared() {
    ModuleDef m = Ir.top(() -> {
      StateMachine<Phase> fsm = stateMachine("ctrl", Phase.class, Phase.RUN);
      fsm.is(Phase.RUN, () -> fsm.goTo(Phase.DONE));
      output("a", Bool.TYPE).connect(fsm.isIn(Phase.DONE));
      output("b", Bool.TYPE).connect(fsm.isIn(Phase.DONE));
    });
    assertEquals(Ir.driver(m, "a"), Ir.driver(m, "b"));
    assertEquals(BigInteger.TWO, Ir.register(m, "ctrl").init());
  }

  @Test
  @DisplayName("a null initial state or a goTo(null) is a design error at the user's line")
  void nullStates() {
    int[] line = new int[1];
    String initial = Ir.error(() -> {
      line[0] = Ir.thisLine(); stateMachine("ctrl", Phase.class, null);
    }).getMessage();
    assertEquals("StateMachineTest.java:" + line[0] + ": the reset state of register 'ctrl' is null", initial);
    String goTo = Ir.error(() -> {
      StateMachine<Phase> fsm = stateMachine("ctrl", Phase.class, Phase.IDLE);
      line[0] = Ir.thisLine(); fsm.goTo((Phase) null);
    }).getMessage();
    assertEquals("StateMachineTest.java:" + line[0] + ": the state of goTo is null", goTo);
  }
}
