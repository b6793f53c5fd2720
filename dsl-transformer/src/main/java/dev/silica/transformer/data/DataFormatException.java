package dev.silica.transformer.data;

/**
 * A data file that cannot be read: the message names the file, the 1-based line and the 1-based
 * character column where the problem is, the way a compiler reports a syntax error.
 */
public final class DataFormatException extends RuntimeException {

  private final String source;
  private final int line;
  private final int column;

  public DataFormatException(String source, int line, int column, String problem) {
    super(source + ":" + line + ":" + column + ": " + problem);
    this.source = source;
    this.line = line;
    this.column = column;
  }

  /** The file (or resource) name. */
  public String source() {
    return source;
  }

  /** The 1-based line. */
  public int line() {
    return line;
  }

  /** The 1-based character column. */
  public int column() {
    return column;
  }
}
