package dev.silica.transformer.data;

/**
 * A data file that cannot be read as the loader expects, located as {@code file:line:column: what
 * is wrong} (line and column 1-based, the column counting characters).
 */
public final class MalformedDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;

  public MalformedDataException(String file, int line, int column, String problem) {
    super(file + ":" + line + ":" + column + ": " + problem);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
