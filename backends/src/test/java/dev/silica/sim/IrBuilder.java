package dev.silica.sim;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.silica.ir.Connect;
import dev.silica.ir.Design;
import dev.silica.ir.Instance;
import dev.silica.ir.Memory;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import dev.silica.ir.Port;
import dev.silica.ir.Register;
import dev.silica.ir.SourceLoc;
import dev.silica.ir.Type;
import dev.silica.ir.TypeRules;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds IR modules by hand for tests, typing every node by the width table, so tests can state
 * circuits without the DSL. Every element is located at the test line that made it.
 */
public final class IrBuilder {

  private final ModuleDef.Builder module;
  private final Map<String, Type> types = new HashMap<>();

  private IrBuilder(String name) {
    this.module = ModuleDef.builder(name, callerLine());
  }

  /** Starts a module named {@code name}. */
  public static IrBuilder module(String name) {
    return new IrBuilder(name);
  }

  /** A design whose top is {@code top}, with its submodules. */
  public static Design design(ModuleDef top, ModuleDef... submodules) {
    ImmutableMap.Builder<String, ModuleDef> modules = ImmutableMap.builder();
    Arrays.stream(submodules).forEach(m -> modules.put(m.name(), m));
    modules.put(top.name(), top);
    return new Design(top.name(), modules.buildKeepingLast(), ImmutableMap.of());
  }

  public IrBuilder in(String name, Type type) {
    module.port(new Port(name, Port.Direction.IN, type, callerLine()));
    types.put(name, type);
    return this;
  }

  /** An output port driven by {@code source}, of the source's type. */
  public IrBuilder out(String name, String source) {
    SourceLoc loc = callerLine();
    module.port(new Port(name, Port.Direction.OUT, types.get(source), loc));
    module.connect(new Connect(name, source, loc));
    return this;
  }

  /** A node typed by the width table. */
  public IrBuilder node(String name, Op op) {
    Type type = TypeRules.resultType(op, types::get);
    module.node(new Node(name, type, op, callerLine()));
    types.put(name, type);
    return this;
  }

  public IrBuilder constant(String name, Type type, long value) {
    return node(name, new Op.Const(BigInteger.valueOf(value), type));
  }

  /** A register with reset value {@code init}; {@code enable} may be null; declare it before the nodes that read it. */
  public IrBuilder reg(String name, Type type, long init, String next, String enable) {
    module.register(new Register(name, type, BigInteger.valueOf(init), next, enable, callerLine()));
    types.put(name, type);
    return this;
  }

  /** A memory with no initial contents, given its read ports and write ports. */
  public IrBuilder mem(
      String name, int depth, Type type, ImmutableList<Memory.ReadPort> reads, ImmutableList<Memory.WritePort> writes) {
    module.memory(
        new Memory(name, depth, type, ImmutableList.of(), Memory.Style.AUTO, reads, writes, callerLine()));
    reads.forEach(r -> types.put(r.name(), type));
    return this;
  }

  public static Memory.ReadPort asyncRead(String name, String addr) {
    return new Memory.ReadPort(name, addr, false, null, callerLine());
  }

  public static Memory.ReadPort syncRead(String name, String addr, String enable) {
    return new Memory.ReadPort(name, addr, true, enable, callerLine());
  }

  public static Memory.WritePort write(String addr, String data, String enable) {
    return new Memory.WritePort(addr, data, enable, callerLine());
  }

  /** An instance of {@code child} with its inputs bound as {@code port, signal, port, signal...}. */
  public IrBuilder inst(String name, ModuleDef child, String... bindings) {
    ImmutableMap.Builder<String, String> inputs = ImmutableMap.builder();
    for (int i = 0; i < bindings.length; i += 2) {
      inputs.put(bindings[i], bindings[i + 1]);
    }
    module.instance(new Instance(name, child.name(), inputs.build(), callerLine()));
    child.outputs().forEach(p -> types.put(name + "." + p.name(), p.type()));
    return this;
  }

  public ModuleDef build() {
    return module.build();
  }

  public static Op.Binary bin(Op.BinaryKind kind, String a, String b) {
    return new Op.Binary(kind, a, b);
  }

  public static Op.Unary un(Op.UnaryKind kind, String a) {
    return new Op.Unary(kind, a);
  }

  /** The line of the test that called this builder: the first frame outside it. */
  private static SourceLoc callerLine() {
    return StackWalker.getInstance()
        .walk(frames -> frames.filter(f -> !f.getClassName().equals(IrBuilder.class.getName())).findFirst())
        .map(f -> new SourceLoc(f.getFileName(), f.getLineNumber()))
        .orElse(SourceLoc.UNKNOWN);
  }
}
