package dev.silica.dsl;

import dev.silica.ir.DesignError;
import dev.silica.ir.SourceLoc;

/**
 * A switch over an unsigned selector, made by {@link Hw#switchOn(UInt)}: {@code is(value, body)}
 * runs {@code body} as a when-branch taken where the selector equals {@code value} (and no earlier
 * case matched); {@code otherwise} takes the rest. Connections follow when's rules: the last one
 * wins. A value repeated, negative or wider than the selector is a design error at its line.
 */
public final class Switch {

  private final UInt selector;
  private final SwitchCases cases;

  Switch(UInt selector, SourceLoc loc) {
    this.selector = selector;
    this.cases = new SwitchCases(loc);
  }

  /** The case {@code selector == value}. */
  public Switch is(long value, Runnable body) {
    SourceLoc loc = UserCode.location();
    if (value < 0 || Widths.unsignedBits(value) > selector.width()) {
      throw new DesignError(
          loc, "is(" + value + ") can never match the " + selector.type() + " selector " + selector
              + " (0.." + selector.type().max() + ")");
    }
    cases.is(value, Long.toString(value), () -> selector.eq(value), body, loc);
    return this;
  }

  /** The branch taken when no case matches; it ends the switch. */
  public void otherwise(Runnable body) {
    cases.otherwise(body, UserCode.location());
  }
}
