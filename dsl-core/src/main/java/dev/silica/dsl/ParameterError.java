package dev.silica.dsl;

/**
 * A generator was asked for with a parameter it does not know, or a value it cannot use; the
 * message names the parameter, the value and what is valid.
 */
public final class ParameterError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ParameterError(String message) {
    super(message);
  }

  /** {@code parameter 'width' = '0' is invalid: expected an integer in 1..64}. */
  public static ParameterError invalid(String name, String value, String expected) {
    return new ParameterError("parameter '" + name + "' = '" + value + "' is invalid: expected " + expected);
  }
}
