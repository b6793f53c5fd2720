package dev.silica.dsl;

import dev.silica.ir.DesignError;

/** Checks of the Java arguments users pass to the DSL, reported at the user's line. */
final class Arguments {

  private Arguments() {}

  /** {@code value}, or a design error saying that {@code what} is missing when it is null. */
  static <T> T required(T value, String what) {
    if (value == null) {
      throw new DesignError(UserCode.location(), what + " is null");
    }
    return value;
  }
}
