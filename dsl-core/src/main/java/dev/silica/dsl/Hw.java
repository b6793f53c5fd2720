package dev.silica.dsl;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.DesignError;
import dev.silica.ir.Op;
import dev.silica.ir.SourceLoc;
import dev.silica.ir.Type;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The functions that build hardware in the module being elaborated: ports, registers, wires,
 * memories, {@code when}, {@code mux}, {@code cat}, submodule instances. Use them with {@code
 * import static dev.silica.dsl.Hw.*;} inside a {@link Module}'s constructor or a {@link
 * Module#define} body. Every element records the Java line that made it, and every mistake is a
 * {@link DesignError} at that line.
 */
public final class Hw {

  private Hw() {}

  private static ModuleBuilder here(SourceLoc loc) {
    return Elaboration.currentModule(loc);
  }

  // ---- ports ----

  /** An input port of this module. */
  public static <T extends Signal> T input(String name, SignalType<T> type) {
    return port(Ref.Kind.INPUT, name, type);
  }

  /** An output port of this module; connect it exactly once outside when-scopes, or fully inside them. */
  public static <T extends Signal> T output(String name, SignalType<T> type) {
    return port(Ref.Kind.OUTPUT, name, type);
  }

  static <T extends Signal> T port(Ref.Kind kind, String name, SignalType<T> type) {
    SourceLoc loc = UserCode.location();
    ModuleBuilder m = here(loc);
    Arguments.required(type, "the type of port '" + name + "'");
    return m.registerPortView(type.view(m.declare(kind, name, type.irType(), loc)));
  }

  /** {@code n} input ports {@code name_0} ... {@code name_<n-1>}. */
  public static <T extends Signal> Vec<T> inputVec(String name, int n, SignalType<T> type) {
    return Vec.tabulate(n, i -> input(name + "_" + i, type));
  }

  /** {@code n} output ports {@code name_0} ... {@code name_<n-1>}. */
  public static <T extends Signal> Vec<T> outputVec(String name, int n, SignalType<T> type) {
    return Vec.tabulate(n, i -> output(name + "_" + i, type));
  }

  /**
   * A group of ports made by {@code make} through a {@link Ports} factory: each is named {@code
   * name_element}. See {@link Bundle}.
   */
  public static <B extends Bundle> B bundle(String name, Function<Ports, B> make) {
    Names.checkLegal(name, UserCode.location());
    return Ports.make(name, false, make);
  }

  // ---- state ----

  /** A register reset to 0; connect its next value with {@code connect}. */
  public static <T extends Signal> T reg(String name, SignalType<T> type) {
    return reg(name, type, BigInteger.ZERO, null);
  }

  /** A register reset to {@code init}. */
  public static <T extends Signal> T reg(String name, SignalType<T> type, long init) {
    return reg(name, type, BigInteger.valueOf(init), null);
  }

  /** A register reset to {@code init} that only takes its next value on clock edges where {@code enable} is high. */
  public static <T extends Signal> T reg(String name, SignalType<T> type, long init, Bool enable) {
    return reg(name, type, BigInteger.valueOf(init), Arguments.required(enable, "the enable of register '" + name + "'"));
  }

  /** A register of an enumeration reset to the constant {@code init}. */
  public static <E extends Enum<E>> HwEnum<E> reg(String name, EnumType<E> type, E init) {
    Arguments.required(init, "the reset state of register '" + name + "'");
    return reg(name, type, BigInteger.valueOf(init.ordinal()), null);
  }

  /** A register reset to {@code init} (any width), with an optional enable (null for none). */
  public static <T extends Signal> T reg(String name, SignalType<T> type, BigInteger init, Bool enable) {
    SourceLoc loc = UserCode.location();
    ModuleBuilder m = here(loc);
    Arguments.required(type, "the type of register '" + name + "'");
    Arguments.required(init, "the reset value of register '" + name + "'");
    Type t = type.irType();
    if (!t.fits(init)) {
      throw new DesignError(
          loc, "the reset value " + init + " of register '" + name + "' does not fit " + t + " (" + t.min() + ".." + t.max() + ")");
    }
    Ref r = m.declare(Ref.Kind.REGISTER, name, t, loc);
    r.value = init;
    if (enable != null) {
      r.enable = m.use(enable.ref, loc);
    }
    return type.view(r);
  }

  /** {@code value} delayed by one clock: a register of its type, reset to 0. */
  @SuppressWarnings("unchecked")
  public static <T extends Signal> T regNext(String name, T value) {
    Arguments.required(value, "the value of register '" + name + "'");
    T r = (T) reg(name, new SignalType<>(value.type(), value::sameKind));
    r.connectFrom(value);
    return r;
  }

  /** {@code value} delayed by one clock where {@code enable} is high: a register of its type, reset to 0. */
  @SuppressWarnings("unchecked")
  public static <T extends Signal> T regNext(String name, T value, Bool enable) {
    Arguments.required(value, "the value of register '" + name + "'");
    Arguments.required(enable, "the enable of register '" + name + "'");
    T r = (T) reg(name, new SignalType<>(value.type(), value::sameKind), BigInteger.ZERO, enable);
    r.connectFrom(value);
    return r;
  }

  /** {@code n} registers {@code name_0} ... reset to 0. */
  public static <T extends Signal> Vec<T> regVec(String name, int n, SignalType<T> type) {
    return Vec.tabulate(n, i -> reg(name + "_" + i, type));
  }

  // ---- wires ----

  /** A wire without a default: every path must connect it before anything reads it. */
  public static <T extends Signal> T wire(String name, SignalType<T> type) {
    SourceLoc loc = UserCode.location();
    Arguments.required(type, "the type of wire '" + name + "'");
    return type.view(here(loc).declare(Ref.Kind.WIRE, name, type.irType(), loc));
  }

  /** A wire that is {@code defaultValue} wherever nothing connects it. */
  public static <T extends Signal> T wire(String name, SignalType<T> type, long defaultValue) {
    return wire(name, type, type.lit(defaultValue));
  }

  /** A wire that is {@code defaultValue} (of exactly its type) wherever nothing connects it. */
  public static <T extends Signal> T wire(String name, SignalType<T> type, Signal defaultValue) {
    SourceLoc loc = UserCode.location();
    ModuleBuilder m = here(loc);
    Arguments.required(type, "the type of wire '" + name + "'");
    Arguments.required(defaultValue, "the default of wire '" + name + "'");
    Ref d = m.use(defaultValue.ref, loc);
    Ref w = m.declare(Ref.Kind.WIRE, name, type.irType(), loc);
    if (!d.type.equals(w.type)) {
      throw new DesignError(
          loc,
          "the default of " + w.describe() + " is " + d.type + " but the wire is " + w.type + ": "
              + ModuleBuilder.conversionHint(d.type, w.type));
    }
    T wire = type.view(w);
    EnumKinds.checkConnect(wire, defaultValue, loc);
    w.defaultValue = d;
    return wire;
  }

  // ---- memories ----

  /** A RAM of {@code depth} words, initially 0; add read and write ports with its methods. */
  public static <T extends Signal> Mem<T> mem(String name, SignalType<T> type, int depth) {
    return Mem.create(name, type, depth, ImmutableList.of(), false);
  }

  /** A ROM holding {@code words} (each must fit the type); read it with {@code read} or {@code readSync}. */
  public static <T extends Signal> Mem<T> rom(String name, SignalType<T> type, long[] words) {
    return Mem.create(
        name, type, words.length, Arrays.stream(words).mapToObj(BigInteger::valueOf).collect(ImmutableList.toImmutableList()),
        true);
  }

  public static <T extends Signal> Mem<T> rom(String name, SignalType<T> type, int[] words) {
    return rom(name, type, Arrays.stream(words).asLongStream().toArray());
  }

  // ---- control and operators ----

  /**
   * Runs {@code body} as a scope whose connections apply only when {@code condition} is true;
   * continue with {@code elseWhen} and {@code otherwise}. Elaboration turns the chain into
   * multiplexers; the IR has no procedural blocks.
   */
  public static WhenChain when(Bool condition, Runnable body) {
    SourceLoc loc = UserCode.location();
    ModuleBuilder m = here(loc);
    Arguments.required(condition, "the condition of when");
    Arguments.required(body, "the body of when");
    Scope.WhenBlock block = m.beginWhen(loc);
    m.runBranch(block, condition.ref, body, loc);
    return new WhenChain(m, block);
  }

  /**
   * A switch over the value of {@code selector}: {@code switchOn(op).is(0, () -> ...).is(1, () ->
   * ...).otherwise(() -> ...)}. It is a when/elseWhen/otherwise chain on {@code selector.eq(value)};
   * a value given twice, or one the selector cannot hold, is a design error.
   */
  public static Switch switchOn(UInt selector) {
    return new Switch(Arguments.required(selector, "the selector of switchOn"), UserCode.location());
  }

  /** A switch over the constants of an enumeration: {@code switchOn(state).is(State.IDLE, () -> ...)}. */
  public static <E extends Enum<E>> EnumSwitch<E> switchOn(HwEnum<E> selector) {
    return new EnumSwitch<>(Arguments.required(selector, "the selector of switchOn"), UserCode.location());
  }

  /**
   * A state machine whose state register is called {@code name}, holds a constant of {@code
   * states} and resets to {@code initial}; see {@link StateMachine}.
   */
  public static <E extends Enum<E>> StateMachine<E> stateMachine(String name, Class<E> states, E initial) {
    return new StateMachine<>(reg(name, EnumType.of(states), initial));
  }

  /** {@code select ? whenTrue : whenFalse}; both arms must have the same type. */
  @SuppressWarnings("unchecked")
  public static <T extends Signal> T mux(Bool select, T whenTrue, T whenFalse) {
    Arguments.required(select, "the select of mux");
    Arguments.required(whenTrue, "the true arm of mux");
    Arguments.required(whenFalse, "the false arm of mux");
    EnumKinds.checkSame(whenTrue, whenFalse, "the arms of mux", UserCode.location());
    return (T) whenTrue.sameKind(Signal.build(ids -> new Op.Mux(ids.get(0), ids.get(1), ids.get(2)), select, whenTrue, whenFalse));
  }

  /**
   * Connects {@code value} to {@code target} like {@link Num#connect}, for code generic in the
   * kind of signal ({@code T extends Signal}).
   */
  public static <T extends Signal> void connect(T target, T value) {
    target.connectFrom(value);
  }

  /** The bits of {@code parts} side by side, the first in the most significant bits. */
  public static UInt cat(Signal... parts) {
    if (parts.length == 0) {
      throw new DesignError(UserCode.location(), "cat() needs at least one part");
    }
    Arrays.stream(parts).forEach(p -> Arguments.required(p, "a part of cat()"));
    return new UInt(Signal.build(ids -> new Op.Concat(ImmutableList.copyOf(ids)), parts));
  }

  // ---- hierarchy ----

  /** A submodule instance, named after the field that holds it (or automatically). */
  public static <M extends Module> M instance(Supplier<M> make) {
    return instance(null, make, UserCode.location());
  }

  /** A submodule instance called {@code name}. */
  public static <M extends Module> M instance(String name, Supplier<M> make) {
    return instance(name, make, UserCode.location());
  }

  private static <M extends Module> M instance(String name, Supplier<M> make, SourceLoc loc) {
    ModuleBuilder parent = here(loc);
    if (name != null) {
      Names.checkLegal(name, loc);
    }
    M child = Elaboration.current().construct(make, parent, loc);
    parent.addInstance(child, name, loc);
    return child;
  }

  /** Records a parameter of the module being built, which becomes part of its name ({@code _w8}); returns it. */
  public static int param(String name, int value) {
    param(name, Integer.toString(value), UserCode.location());
    return value;
  }

  /** Records a text parameter of the module being built ({@code _modefast}); returns it. */
  public static String param(String name, String value) {
    param(name, value, UserCode.location());
    return value;
  }

  private static void param(String name, String value, SourceLoc loc) {
    ModuleBuilder m = here(loc);
    Names.checkLegal(name, loc);
    if (m.params.putIfAbsent(name, Names.sanitize(value)) != null) {
      throw new DesignError(loc, "parameter '" + name + "' is recorded twice");
    }
  }
}
