package dev.silica.verilog;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.graph.Traverser;
import dev.silica.ir.BlackBox;
import dev.silica.ir.Connect;
import dev.silica.ir.Design;
import dev.silica.ir.Instance;
import dev.silica.ir.Memory;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import dev.silica.ir.Port;
import dev.silica.ir.Register;
import dev.silica.ir.Signals;
import dev.silica.ir.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes one IR module as one Verilog module. The body comes in a fixed order, each part declared
 * before it is read: registers, memories and instance outputs; then one wire per node in
 * dependency order (constants are written in place); the output assignments; the clocked blocks;
 * and last the instances. Elements nobody reads are left out (see {@link Usage}).
 */
final class ModuleWriter {

  private static final String UNUSED_OFF = "/* verilator lint_off UNUSEDSIGNAL */";
  private static final String UNUSED_ON = "/* verilator lint_on UNUSEDSIGNAL */";

  private final Design design;
  private final ModuleDef module;
  private final DesignNames names;
  private final Identifiers ids;
  private final Usage usage;
  private final Operands operands;
  private final boolean stateful;
  private final Lines out = new Lines();
  private final Map<String, String> initFiles = new LinkedHashMap<>();

  private ModuleWriter(Design design, ModuleDef module, DesignNames names) {
    this.design = design;
    this.module = module;
    this.names = names;
    this.ids = names.scope(module.name());
    this.usage = Usage.of(design, module);
    this.stateful = design.hasState(module);
    Map<String, Node> nodes = module.nodes().stream().collect(Collectors.toMap(Node::name, Function.identity()));
    this.operands = new Operands(Signals.of(design, module), nodes, ids::of);
  }

  /** The text of {@code module} (after {@code header}) and the memory initialization files it reads. */
  static ModuleText write(Design design, ModuleDef module, DesignNames names, String header) {
    ModuleWriter w = new ModuleWriter(design, module, names);
    w.out.add(0, header.stripTrailing());
    w.writeModule();
    return new ModuleText(w.out.toString(), ImmutableMap.copyOf(w.initFiles));
  }

  /** A written module: its Verilog and the files its memories initialize from, by file name. */
  record ModuleText(String verilog, ImmutableMap<String, String> initFiles) {}

  private void writeModule() {
    out.add(0, "module " + names.module(module.name()) + " (");
    writePorts();
    out.add(0, ");");
    List<Memory> memories = module.memories().stream().filter(usage::isLive).toList();
    List<MemoryWriter> memoryWriters = new ArrayList<>();
    for (Memory m : memories) {
      memoryWriters.add(new MemoryWriter(module, m, ids, operands, out, initFiles));
    }
    declareRegisters();
    memoryWriters.forEach(MemoryWriter::declare);
    declareInstanceOutputs();
    declareNodes();
    assignOutputs();
    writeRegisterBlocks();
    memoryWriters.forEach(MemoryWriter::writeLogic);
    writeInstances();
    out.blank();
    out.add(0, "endmodule");
  }

  private void writePorts() {
    List<String[]> rows = new ArrayList<>();
    List<String> unusedNotes = new ArrayList<>();
    if (stateful) {
      rows.add(new String[] {"input  wire", Usage.CLOCK, ""});
      unusedNotes.add(usage.isLive(Usage.CLOCK) ? null : "clock");
      rows.add(new String[] {"input  wire", Usage.RESET, ""});
      unusedNotes.add(usage.isLive(Usage.RESET) ? null : "reset: nothing here is reset (memories keep their contents)");
    }
    for (Port p : module.ports()) {
      String range = Lines.range(p.type());
      rows.add(new String[] {(p.isInput() ? "input  wire" : "output wire") + (range.isEmpty() ? "" : " " + range), ids.of(p.name()), Lines.at(p.loc())});
      unusedNotes.add(
          p.isInput() && usage.isPartlyUnused(p.name(), p.type().width())
              ? "input bits read here: " + usage.describeUsedBits(p.name())
              : null);
    }
    int kindWidth = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
    int nameWidth = rows.stream().mapToInt(r -> r[1].length() + 1).max().orElse(0);
    for (int i = 0; i < rows.size(); i++) {
      String[] r = rows.get(i);
      String nameAndComma = r[1] + (i == rows.size() - 1 ? "" : ",");
      String line = r[2].isEmpty()
          ? String.format("%-" + kindWidth + "s %s", r[0], nameAndComma)
          : String.format("%-" + kindWidth + "s %-" + nameWidth + "s%s", r[0], nameAndComma, r[2]);
      String note = unusedNotes.get(i);
      if (note == null) {
        out.add(1, line);
      } else {
        out.add(1, UNUSED_OFF + "  // " + note);
        out.add(1, line);
        out.add(1, UNUSED_ON);
      }
    }
  }

  private void declareRegisters() {
    List<Register> live = module.registers().stream().filter(r -> usage.isLive(r.name())).toList();
    if (live.isEmpty()) {
      return;
    }
    out.blank();
    for (Register r : live) {
      String decl = Lines.declaration("reg", r.type(), ids.declare(r.name())) + " = " + Literals.of(r.init(), r.type()) + ";";
      declareMaybePartlyUnused(r.name(), r.type(), decl + Lines.at(r.loc()));
    }
  }

  private void declareInstanceOutputs() {
    if (module.instances().stream().anyMatch(i -> design.module(i.module()).outputs().findAny().isPresent())) {
      out.blank();
    }
    for (Instance inst : module.instances()) {
      ids.declare(inst.name());
      ModuleDef child = design.module(inst.module());
      for (Port p : child.outputs().toList()) {
        String signal = inst.output(p.name());
        String decl = Lines.declaration("wire", p.type(), ids.declare(signal)) + ";";
        declareMaybePartlyUnused(signal, p.type(), decl + "  // " + inst.name() + "." + p.name());
      }
    }
  }

  private void declareNodes() {
    List<Node> live =
        topological(module.nodes()).stream()
            .filter(n -> usage.isLive(n.name()) && !(n.op() instanceof Op.Const))
            .toList();
    if (live.isEmpty()) {
      return;
    }
    out.blank();
    for (Node n : live) {
      String lhs = Lines.declaration("wire", n.type(), ids.declare(n.name()));
      String decl = lhs + " = " + Expressions.of(n.op(), n.type(), operands) + ";";
      declareMaybePartlyUnused(n.name(), n.type(), decl + Lines.at(n.loc()));
    }
  }

  /** Declares a signal, inside a narrow lint waiver naming the bits read when not all of them are. */
  private void declareMaybePartlyUnused(String irName, Type type, String declaration) {
    if (usage.isPartlyUnused(irName, type.width())) {
      out.add(1, UNUSED_OFF + "  // bits read: " + usage.describeUsedBits(irName));
      out.add(1, declaration);
      out.add(1, UNUSED_ON);
    } else {
      out.add(1, declaration);
    }
  }

  private void assignOutputs() {
    if (module.connects().isEmpty()) {
      return;
    }
    out.blank();
    for (Connect c : module.connects()) {
      out.add(1, "assign " + ids.of(c.port()) + " = " + operands.ref(c.source()) + ";");
    }
  }

  private void writeRegisterBlocks() {
    for (Register r : module.registers()) {
      if (!usage.isLive(r.name())) {
        continue;
      }
      String q = ids.of(r.name());
      out.blank();
      out.add(1, "always @(posedge clk) begin");
      out.add(2, "if (rst) " + q + " <= " + Literals.of(r.init(), r.type()) + ";");
      String load = q + " <= " + operands.ref(r.next()) + ";";
      out.add(2, r.enable() == null ? "else " + load : "else if (" + operands.ref(r.enable()) + ") " + load);
      out.add(1, "end");
    }
  }

  private void writeInstances() {
    for (Instance inst : module.instances()) {
      ModuleDef child = design.module(inst.module());
      if (child.blackBox().isPresent()) {
        writeBlackBoxInstance(inst, child, child.blackBox().get());
        continue;
      }
      Identifiers childIds = names.scope(child.name());
      List<String> bindings = new ArrayList<>();
      if (design.hasState(child)) {
        bindings.add("." + Usage.CLOCK + "(" + Usage.CLOCK + ")");
        bindings.add("." + Usage.RESET + "(" + Usage.RESET + ")");
      }
      for (Port p : child.ports()) {
        String signal = p.isInput() ? operands.ref(inst.inputs().get(p.name())) : ids.of(inst.output(p.name()));
        bindings.add("." + childIds.of(p.name()) + "(" + signal + ")");
      }
      out.blank();
      out.add(1, names.module(child.name()) + " " + ids.of(inst.name()) + " (" + Lines.at(inst.loc()));
      for (int i = 0; i < bindings.size(); i++) {
        out.add(2, bindings.get(i) + (i == bindings.size() - 1 ? "" : ","));
      }
      out.add(1, ");");
    }
  }

  /**
   * An instance of a Verilog module written outside Silica: its parameters, its clock and reset
   * ports given the module's {@code clk} and {@code rst}, every other port by its own name.
   */
  private void writeBlackBoxInstance(Instance inst, ModuleDef child, BlackBox box) {
    List<String> bindings = new ArrayList<>();
    if (box.clock() != null) {
      bindings.add("." + box.clock() + "(" + Usage.CLOCK + ")");
    }
    if (box.reset() != null) {
      bindings.add("." + box.reset() + "(" + Usage.RESET + ")");
    }
    for (Port p : child.ports()) {
      String signal = p.isInput() ? operands.ref(inst.inputs().get(p.name())) : ids.of(inst.output(p.name()));
      bindings.add("." + p.name() + "(" + signal + ")");
    }
    out.blank();
    if (box.parameters().isEmpty()) {
      out.add(1, box.verilogModule() + " " + ids.of(inst.name()) + " (" + Lines.at(inst.loc()));
    } else {
      out.add(1, box.verilogModule() + " #(" + Lines.at(inst.loc()));
      List<String> params = box.parameters().entrySet().stream().map(e -> "." + e.getKey() + "(" + e.getValue().verilog() + ")").toList();
      for (int i = 0; i < params.size(); i++) {
        out.add(2, params.get(i) + (i == params.size() - 1 ? "" : ","));
      }
      out.add(1, ") " + ids.of(inst.name()) + " (");
    }
    for (int i = 0; i < bindings.size(); i++) {
      out.add(2, bindings.get(i) + (i == bindings.size() - 1 ? "" : ","));
    }
    out.add(1, ");");
  }

  /** The nodes, each after the nodes it reads, otherwise in declaration order. */
  private static ImmutableList<Node> topological(List<Node> nodes) {
    Map<String, Node> byName = nodes.stream().collect(Collectors.toMap(Node::name, Function.identity()));
    Traverser<Node> traverser =
        Traverser.forGraph(n -> n.op().operands().stream().map(byName::get).filter(o -> o != null).toList());
    return ImmutableList.copyOf(traverser.depthFirstPostOrder(nodes));
  }
}
