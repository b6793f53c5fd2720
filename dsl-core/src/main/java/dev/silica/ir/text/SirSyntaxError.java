package dev.silica.ir.text;

/**
 * A {@code .sir} text that does not follow the grammar: {@code file:line:column: <what was found>,
 * expected <what>}, for the first such place in the text.
 */
public final class SirSyntaxError extends SirError {
  private static final long serialVersionUID = 1L;

  SirSyntaxError(String file, int line, int column, String found, String expected) {
    super(file, line, column, found + ", expected " + expected);
  }
}
