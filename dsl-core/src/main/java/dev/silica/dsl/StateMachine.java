package dev.silica.dsl;

import java.util.EnumMap;
import java.util.Map;

/**
 * A finite-state machine over the constants of a Java enumeration, made by {@link
 * Hw#stateMachine}: a state register of {@link EnumType} (named as given, so it appears under
 * that name in the IR, the Verilog and VCD traces), and when-branches per state.
 *
 * <pre>{@code
 * enum State { IDLE, RUN, DONE }
 * StateMachine<State> fsm = stateMachine("ctrl", State.class, State.IDLE);
 * fsm.is(State.IDLE, () -> when(start, () -> fsm.goTo(State.RUN)));
 * fsm.is(State.RUN, () -> when(count.eq(9), () -> fsm.goTo(State.DONE)));
 * fsm.is(State.DONE, () -> fsm.goTo(State.IDLE));
 * busy.connect(fsm.isIn(State.RUN));
 * }</pre>
 *
 * <p>{@link #goTo} connects the state register, with when's rules: the last connection wins, and a
 * state nothing moves out of stays. A state may have several {@code is} sections; they apply in
 * program order.
 *
 * @param <E> the enumeration of states
 */
public final class StateMachine<E extends Enum<E>> {

  private final HwEnum<E> state;
  private final Map<E, Bool> inState;

  StateMachine(HwEnum<E> state) {
    this.state = state;
    this.inState = new EnumMap<>(state.enumType().enumClass());
  }

  /** The state register. */
  public HwEnum<E> state() {
    return state;
  }

  /** Whether the machine is in {@code s} (one comparison per state, shared by every use). */
  public Bool isIn(E s) {
    Arguments.required(s, "the state of isIn");
    return inState.computeIfAbsent(s, state::is);
  }

  /** Runs {@code body} as a when-branch taken while the machine is in {@code s}. */
  public StateMachine<E> is(E s, Runnable body) {
    Hw.when(isIn(s), body);
    return this;
  }

  /** Moves to {@code next} on the coming clock edge (where this connection is active). */
  public void goTo(E next) {
    Arguments.required(next, "the state of goTo");
    state.connect(next);
  }

  /** Moves to the state {@code next} holds, on the coming clock edge. */
  public void goTo(HwEnum<E> next) {
    state.connect(next);
  }
}
