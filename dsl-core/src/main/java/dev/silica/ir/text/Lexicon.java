package dev.silica.ir.text;

import java.util.regex.Pattern;

/**
 * How names and strings are spelled in the text form: a name is written bare when the lexer reads
 * it back as one token ({@code count}, {@code add0.sum}), otherwise quoted with escapes, like every
 * attribute value.
 */
final class Lexicon {

  /** The lexer's ID rule (keywords and types also match it; the grammar accepts them as names). */
  private static final Pattern BARE_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$.]*");

  private Lexicon() {}

  /** {@code name} as the parser's {@code name} rule reads it back. */
  static String name(String name) {
    return BARE_NAME.matcher(name).matches() ? name : quoted(name);
  }

  /** {@code text} between double quotes, with {@code \" \\ \n \r \t} and {@code \}{@code uXXXX} escapes. */
  static String quoted(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (Character.isISOControl(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** The text a STRING token stands for: the inverse of {@link #quoted}. */
  static String unquoted(String token) {
    StringBuilder out = new StringBuilder(token.length());
    for (int i = 1; i < token.length() - 1; i++) {
      char c = token.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char escaped = token.charAt(++i);
      switch (escaped) {
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          out.append((char) Integer.parseInt(token.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> out.append(escaped);
      }
    }
    return out.toString();
  }
}
