package dev.silica.verilog;

import dev.silica.ir.SourceLoc;
import dev.silica.ir.Type;

/** A Verilog text being written line by line, two spaces a level, with the small idioms every writer shares. */
final class Lines {

  private final StringBuilder text = new StringBuilder();

  /** Appends {@code line} at {@code depth} levels of indentation. */
  Lines add(int depth, String line) {
    text.append("  ".repeat(depth)).append(line).append('\n');
    return this;
  }

  Lines blank() {
    if (text.length() > 0 && !text.toString().endsWith("\n\n")) {
      text.append('\n');
    }
    return this;
  }

  @Override
  public String toString() {
    return text.toString();
  }

  /** {@code signed [7:0]}, {@code [7:0]}, {@code signed} or nothing: the range and sign of a declaration. */
  static String range(Type t) {
    String range = t.width() == 1 ? "" : "[" + (t.width() - 1) + ":0]";
    return t.signed() ? ("signed " + range).trim() : range;
  }

  /** {@code kind range name}, e.g. {@code wire signed [7:0] x}, with single spaces. */
  static String declaration(String kind, Type t, String name) {
    String range = range(t);
    return kind + (range.isEmpty() ? "" : " " + range) + " " + name;
  }

  /** The comment that places a declaration in the user's code, or nothing when unknown. */
  static String at(SourceLoc loc) {
    return loc == null || loc.equals(SourceLoc.UNKNOWN) ? "" : "  // " + loc;
  }
}
