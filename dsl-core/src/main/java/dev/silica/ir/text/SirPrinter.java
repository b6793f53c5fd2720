package dev.silica.ir.text;

import dev.silica.ir.BlackBox;
import dev.silica.ir.Connect;
import dev.silica.ir.Design;
import dev.silica.ir.Instance;
import dev.silica.ir.Memory;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Port;
import dev.silica.ir.Register;
import dev.silica.ir.SourceLoc;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes a {@link Design} in Silica's IR text form ({@code .sir}), which {@link SirParser} reads
 * back into an equal design.
 *
 * <p>The text is canonical: one element a line, in the order of the IR's lists, every element
 * followed by its source location ({@code @ Counter.java:17}), a blank line between the groups of
 * a module (black box, ports, nodes, registers, memories, instances, connections). Names are bare unless they
 * need quotes; constants are decimal, negative for signed values.
 */
public final class SirPrinter {

  /** Initial memory words are written this many to a line. */
  private static final int WORDS_PER_LINE = 16;

  private static final String INDENT = "  ";

  private final StringBuilder out = new StringBuilder();

  private SirPrinter() {}

  /** The text form of {@code design}. */
  public static String print(Design design) {
    SirPrinter printer = new SirPrinter();
    printer.design(design);
    return printer.out.toString();
  }

  private void design(Design design) {
    line("", "design " + name(design.top()));
    design.attributes().forEach((key, value) -> line("", "attribute " + name(key) + " = " + Lexicon.quoted(value)));
    design.modules().values().forEach(this::module);
  }

  private void module(ModuleDef module) {
    out.append('\n');
    line("", "module " + name(module.name()) + at(module.loc()) + " {");
    List<List<String>> groups = new ArrayList<>();
    groups.add(module.blackBox().map(this::blackBox).orElse(List.of()));
    groups.add(lines(module.ports(), this::port));
    groups.add(lines(module.nodes(), this::node));
    groups.add(lines(module.registers(), this::register));
    groups.add(module.memories().stream().flatMap(m -> memory(m).stream()).collect(Collectors.toList()));
    groups.add(module.instances().stream().flatMap(i -> instance(i).stream()).collect(Collectors.toList()));
    groups.add(lines(module.connects(), this::connect));
    String separator = "";
    for (List<String> group : groups) {
      if (!group.isEmpty()) {
        out.append(separator);
        group.forEach(l -> line(INDENT, l));
        separator = "\n";
      }
    }
    line("", "}");
  }

  private static <T> List<String> lines(List<T> elements, Function<T, String> format) {
    return elements.stream().map(format).collect(Collectors.toList());
  }

  private String port(Port p) {
    String direction = p.isInput() ? "in" : "out";
    return direction + " " + name(p.name()) + " : " + p.type() + at(p.loc());
  }

  private String node(Node n) {
    return name(n.name()) + " : " + n.type() + " = " + OpText.of(n.op()) + at(n.loc());
  }

  private String register(Register r) {
    return "reg " + name(r.name()) + " : " + r.type() + " init " + r.init()
        + optional(" next ", r.next()) + optional(" enable ", r.enable()) + at(r.loc());
  }

  private List<String> memory(Memory m) {
    List<String> lines = new ArrayList<>();
    String style = m.style() == Memory.Style.AUTO ? "" : " style " + m.style().mnemonic();
    String header = "mem " + name(m.name()) + " : " + m.type() + " depth " + m.depth() + style + at(m.loc());
    if (m.init().isEmpty() && m.readPorts().isEmpty() && m.writePorts().isEmpty()) {
      lines.add(header);
      return lines;
    }
    lines.add(header + " {");
    lines.addAll(indented(initWords(m.init())));
    for (Memory.ReadPort rp : m.readPorts()) {
      lines.add(INDENT + (rp.sync() ? "sync" : "async") + " read " + name(rp.name()) + " addr " + name(rp.addr())
          + optional(" enable ", rp.enable()) + at(rp.loc()));
    }
    for (Memory.WritePort wp : m.writePorts()) {
      lines.add(INDENT + "write addr " + name(wp.addr()) + " data " + name(wp.data())
          + optional(" enable ", wp.enable()) + at(wp.loc()));
    }
    lines.add("}");
    return lines;
  }

  /** {@code init [1, 2, 3]} on one line, or rows of {@link #WORDS_PER_LINE} words. */
  private static List<String> initWords(List<BigInteger> words) {
    List<String> lines = new ArrayList<>();
    if (words.isEmpty()) {
      return lines;
    }
    if (words.size() <= WORDS_PER_LINE) {
      lines.add("init [" + join(words) + "]");
      return lines;
    }
    lines.add("init [");
    for (int start = 0; start < words.size(); start += WORDS_PER_LINE) {
      int end = Math.min(start + WORDS_PER_LINE, words.size());
      lines.add(INDENT + join(words.subList(start, end)) + (end < words.size() ? "," : ""));
    }
    lines.add("]");
    return lines;
  }

  private static String join(List<BigInteger> words) {
    return words.stream().map(BigInteger::toString).collect(Collectors.joining(", "));
  }

  private List<String> instance(Instance i) {
    List<String> lines = new ArrayList<>();
    String header = "inst " + name(i.name()) + " : " + name(i.module()) + at(i.loc());
    if (i.inputs().isEmpty()) {
      lines.add(header);
      return lines;
    }
    lines.add(header + " {");
    i.inputs().forEach((port, signal) -> lines.add(INDENT + name(port) + " = " + name(signal)));
    lines.add("}");
    return lines;
  }

  private List<String> blackBox(BlackBox box) {
    List<String> lines = new ArrayList<>();
    String header = "blackbox " + name(box.verilogModule()) + optional(" clock ", box.clock()) + optional(" reset ", box.reset());
    if (box.parameters().isEmpty() && box.source() == null) {
      lines.add(header);
      return lines;
    }
    lines.add(header + " {");
    // a value is spelled as in Verilog, which the text form reads back: its strings need no escapes
    box.parameters().forEach((param, value) -> lines.add(INDENT + "param " + name(param) + " = " + value.verilog()));
    if (box.source() != null) {
      lines.add(INDENT + "source " + Lexicon.quoted(box.source()));
    }
    lines.add("}");
    return lines;
  }

  private String connect(Connect c) {
    return "connect " + name(c.port()) + " = " + name(c.source()) + at(c.loc());
  }

  private static List<String> indented(List<String> lines) {
    return lines.stream().map(l -> INDENT + l).collect(Collectors.toList());
  }

  private static String optional(String keyword, String signal) {
    return signal == null ? "" : keyword + name(signal);
  }

  /** {@code " @ File.java:17"}; the unknown location is {@code @ ?:0}. */
  private static String at(SourceLoc loc) {
    String file = loc.file().equals(SourceLoc.UNKNOWN.file()) ? "?" : name(loc.file());
    return " @ " + file + ":" + loc.line();
  }

  private static String name(String name) {
    return Lexicon.name(name);
  }

  private void line(String indent, String text) {
    out.append(indent).append(text).append('\n');
  }
}
