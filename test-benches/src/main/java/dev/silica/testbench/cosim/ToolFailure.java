package dev.silica.testbench.cosim;

/**
 * An external simulator could not build or run a harness: it is missing, it rejected the
 * generated sources, or it crashed. The message holds what the tool printed.
 */
public final class ToolFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ToolFailure(String message) {
    super(message);
  }

  public ToolFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
