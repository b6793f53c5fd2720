package dev.silica.ir.text;

/**
 * A mistake in a {@code .sir} text, reported like a compiler diagnostic: the message starts with
 * {@code file:line:column:} (line and column counted from 1).
 */
public abstract class SirError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;

  SirError(String file, int line, int column, String message) {
    super(file + ":" + line + ":" + column + ": " + message);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  /** The name of the text's file, as given to {@link SirParser#parse}. */
  public String file() {
    return file;
  }

  /** The line of the mistake, from 1. */
  public int line() {
    return line;
  }

  /** The column of the mistake, from 1. */
  public int column() {
    return column;
  }
}
