package dev.silica.examples.cli;

import dev.silica.dsl.ParameterError;

/** Checks of numeric options, as usage errors (exit code 2) that name the option. */
final class OptionChecks {

  private OptionChecks() {}

  /** Refuses a {@code value} of {@code option} that is zero or negative. */
  static void positive(String option, long value) {
    if (value <= 0) {
      throw new ParameterError(option + " must be positive, got " + value);
    }
  }

  /** Refuses a negative {@code value} of {@code option}. */
  static void notNegative(String option, long value) {
    if (value < 0) {
      throw new ParameterError(option + " must not be negative, got " + value);
    }
  }
}
