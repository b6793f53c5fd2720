package dev.silica.ir.text;

import org.antlr.v4.runtime.Token;

/**
 * A {@code .sir} text that follows the grammar but does not describe a design: an unknown signal or
 * module, a duplicate name, a declared type that disagrees with the width table, a constant that
 * does not fit its type.
 */
public final class SirSemanticError extends SirError {
  private static final long serialVersionUID = 1L;

  SirSemanticError(String file, Token at, String message) {
    super(file, at.getLine(), at.getCharPositionInLine() + 1, message);
  }
}
