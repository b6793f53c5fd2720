package dev.silica.ir;

/**
 * Where the user's Java code created an IR element: a file name and a line, as in a compiler
 * diagnostic ({@code Counter.java:17}). The DSL finds it when it builds the element; the text form
 * carries it.
 */
public record SourceLoc(String file, int line) {

  /** The location used when none is known (e.g. for elements built by a pass). */
  public static final SourceLoc UNKNOWN = new SourceLoc("?", 0);

  /** {@code File.java:17}. */
  @Override
  public String toString() {
    return file + ":" + line;
  }
}
