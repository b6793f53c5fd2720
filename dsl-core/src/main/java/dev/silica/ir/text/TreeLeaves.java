package dev.silica.ir.text;

import dev.silica.ir.SourceLoc;
import dev.silica.ir.Type;
import java.math.BigInteger;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Reads the values at the leaves of a parse tree (names, numbers, types, source locations) and
 * makes errors located in the text; shared by the readers of one {@code .sir} file.
 */
final class TreeLeaves {

  private static final BigInteger MAX_INT = BigInteger.valueOf(Integer.MAX_VALUE);

  private final String fileName;

  TreeLeaves(String fileName) {
    this.fileName = fileName;
  }

  /** An error at {@code at}. */
  SirSemanticError error(Token at, String message) {
    return new SirSemanticError(fileName, at, message);
  }

  String name(Sir.NameContext ctx) {
    return ctx.STRING() != null ? Lexicon.unquoted(ctx.STRING().getText()) : ctx.getText();
  }

  /** The name, or null for an absent optional name. */
  String nameOrNull(Sir.NameContext ctx) {
    return ctx == null ? null : name(ctx);
  }

  Type type(Sir.TypeContext ctx) {
    String text = ctx.getText();
    BigInteger width = new BigInteger(text.substring(1));
    if (width.signum() == 0 || width.compareTo(BigInteger.valueOf(Type.MAX_WIDTH)) > 0) {
      throw error(ctx.start, "the width of " + text + " is outside 1.." + Type.MAX_WIDTH);
    }
    return new Type(width.intValueExact(), text.charAt(0) == 's');
  }

  /** A signed decimal. */
  BigInteger number(Sir.NumberContext ctx) {
    BigInteger magnitude = new BigInteger(ctx.INT().getText());
    return ctx.MINUS() != null ? magnitude.negate() : magnitude;
  }

  /** An unsigned decimal that fits a Java int. */
  int count(Token token) {
    BigInteger value = new BigInteger(token.getText());
    if (value.compareTo(MAX_INT) > 0) {
      throw error(token, "the number " + value + " is too large");
    }
    return value.intValueExact();
  }

  /** The element's {@code @ File.java:17}, or its own line in this file when it has none. */
  SourceLoc loc(Sir.LocContext loc, ParserRuleContext element) {
    if (loc == null) {
      return new SourceLoc(fileName, element.start.getLine());
    }
    String file = loc.unknown != null ? SourceLoc.UNKNOWN.file() : name(loc.file);
    return new SourceLoc(file, count(loc.line));
  }
}
