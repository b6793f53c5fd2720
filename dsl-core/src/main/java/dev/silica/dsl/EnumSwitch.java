package dev.silica.dsl;

import dev.silica.ir.SourceLoc;

/**
 * A switch over the constants of an enumeration, made by {@link Hw#switchOn(HwEnum)}: like {@link
 * Switch}, with cases named by constants. A constant given twice is a design error at its line.
 *
 * @param <E> the Java enumeration
 */
public final class EnumSwitch<E extends Enum<E>> {

  private final HwEnum<E> selector;
  private final SwitchCases cases;

  EnumSwitch(HwEnum<E> selector, SourceLoc loc) {
    this.selector = selector;
    this.cases = new SwitchCases(loc);
  }

  /** The case {@code selector == value}. */
  public EnumSwitch<E> is(E value, Runnable body) {
    SourceLoc loc = UserCode.location();
    Arguments.required(value, "the case of is");
    cases.is(value, value.getDeclaringClass().getSimpleName() + "." + value.name(), () -> selector.is(value), body, loc);
    return this;
  }

  /** The branch taken when no case matches; it ends the switch. */
  public void otherwise(Runnable body) {
    cases.otherwise(body, UserCode.location());
  }
}
