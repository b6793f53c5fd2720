package dev.silica.testbench;

/** A malformed trace file or a trace that does not match its design, located like a compiler error. */
public final class TraceFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** {@code line} and {@code column} count from 1; the column is the comma-separated field. */
  public TraceFormatException(String source, int line, int column, String message) {
    super(source + ":" + line + ":" + column + ": " + message);
  }
}
