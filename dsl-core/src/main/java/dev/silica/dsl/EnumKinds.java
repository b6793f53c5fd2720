package dev.silica.dsl;

import dev.silica.ir.DesignError;
import dev.silica.ir.SourceLoc;

/**
 * The rule that keeps enumerations apart: an {@link HwEnum} is connected, multiplexed or grouped
 * only with values of its own enumeration, never with another enumeration or with a number of the
 * same width. Numbers among themselves are checked by their IR types elsewhere.
 */
final class EnumKinds {

  private EnumKinds() {}

  /** Checks that {@code value} may drive {@code target} as far as enumerations go. */
  static void checkConnect(Signal target, Signal value, SourceLoc loc) {
    if (target.enumClass() == value.enumClass()) {
      return;
    }
    String hint = target.enumClass() == null
        ? "asUInt() gives the enumeration's encoding"
        : value.enumClass() == null
            ? "connect constants of " + name(target) + ", or convert bits with fromBits"
            : "an enumeration connects only from values of its own type";
    throw new DesignError(
        loc, "cannot connect " + kind(value) + " to " + target.ref.describe() + " of " + kind(target) + ": " + hint);
  }

  /** Checks that {@code a} and {@code b} may stand for each other in {@code where} (a mux's arms...). */
  static void checkSame(Signal a, Signal b, String where, SourceLoc loc) {
    if (a.enumClass() != b.enumClass()) {
      throw new DesignError(loc, where + " must have one type, not " + kind(a) + " and " + kind(b));
    }
  }

  /** {@code enum State} or the IR type of a number. */
  static String kind(Signal s) {
    return s.enumClass() == null ? s.type().toString() : "enum " + name(s);
  }

  private static String name(Signal s) {
    return s.enumClass().getSimpleName();
  }
}
