package dev.silica.dsl;

import com.google.common.collect.ImmutableSet;
import dev.silica.ir.DesignError;
import dev.silica.ir.SourceLoc;
import java.util.regex.Pattern;

/** The rules for names users give: legal identifiers that no backend has to rename. */
final class Names {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** The implicit clock and reset of every module with state. */
  static final ImmutableSet<String> IMPLICIT_PORTS = ImmutableSet.of("clk", "rst");

  /** Verilog-2001 reserved words: an element named like one would have to be renamed in Verilog. */
  static final ImmutableSet<String> VERILOG_KEYWORDS =
      ImmutableSet.of(
          "always", "and", "assign", "automatic", "begin", "buf", "bufif0", "bufif1", "case", "casex",
          "casez", "cell", "cmos", "config", "deassign", "default", "defparam", "design", "disable",
          "edge", "else", "end", "endcase", "endconfig", "endfunction", "endgenerate", "endmodule",
          "endprimitive", "endspecify", "endtable", "endtask", "event", "for", "force", "forever",
          "fork", "function", "generate", "genvar", "highz0", "highz1", "if", "ifnone", "incdir",
          "include", "initial", "inout", "input", "instance", "integer", "join", "large",
          "liblist", "library", "localparam", "macromodule", "medium", "module", "nand", "negedge",
          "nmos", "nor", "noshowcancelled", "not", "notif0", "notif1", "or", "output", "parameter",
          "pmos", "posedge", "primitive", "pull0", "pull1", "pulldown", "pullup",
          "pulsestyle_onevent", "pulsestyle_ondetect", "rcmos", "real", "realtime", "reg",
          "release", "repeat", "rnmos", "rpmos", "rtran", "rtranif0", "rtranif1", "scalared",
          "showcancelled", "signed", "small", "specify", "specparam", "strong0", "strong1",
          "supply0", "supply1", "table", "task", "time", "tran", "tranif0", "tranif1", "tri",
          "tri0", "tri1", "triand", "trior", "trireg", "unsigned", "use", "vectored", "wait", "wand",
          "weak0", "weak1", "while", "wire", "wor", "xnor", "xor");

  private Names() {}

  /** Checks that {@code name} is an identifier: letters, digits and underscores, not a digit first. */
  static void checkLegal(String name, SourceLoc at) {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new DesignError(
          at,
          "'"
              + name
              + "' is not a legal name: use letters, digits and underscores, starting with a letter"
              + " or underscore");
    }
    if (VERILOG_KEYWORDS.contains(name)) {
      throw new DesignError(at, "'" + name + "' is a Verilog keyword and cannot name a hardware element");
    }
  }

  /** Checks that a port does not take the name of the implicit clock or reset. */
  static void checkPortName(String name, SourceLoc at) {
    if (IMPLICIT_PORTS.contains(name)) {
      throw new DesignError(
          at, "'" + name + "' is reserved for the implicit " + (name.equals("clk") ? "clock" : "reset"));
    }
  }

  /** {@code FirTap} to {@code firTap}, for automatic instance names. */
  static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  /** Any text made into an identifier fragment: other characters become underscores. */
  static String sanitize(String text) {
    String s = text.replace("-", "m").replaceAll("[^A-Za-z0-9_]", "_");
    return s.isEmpty() ? "_" : s;
  }
}
