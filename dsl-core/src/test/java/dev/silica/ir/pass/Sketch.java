package dev.silica.ir.pass;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.silica.dsl.UserCode;
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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A short way to write modules in pass tests. Every element is located (by {@link
 * UserCode#location()}) at the test line that added it; {@link #nextLine()} tells a test that
 * line independently, from its own stack.
 */
final class Sketch {
  private final ModuleDef.Builder builder;
  private final Map<String, Type> types = new HashMap<>();

  private Sketch(String name) {
    builder = ModuleDef.builder(name, UserCode.location());
  }

  static Sketch module(String name) {
    return new Sketch(name);
  }

  /** The design of {@code modules}, the last one the top (children come before parents). */
  static Design design(ModuleDef... modules) {
    Map<String, ModuleDef> byName = new LinkedHashMap<>();
    Arrays.stream(modules).forEach(m -> byName.put(m.name(), m));
    return new Design(modules[modules.length - 1].name(), ImmutableMap.copyOf(byName), ImmutableMap.of());
  }

  /** The location of the caller's next line: where the element built there will say it was made. */
  static SourceLoc nextLine() {
    StackTraceElement caller = new Throwable().getStackTrace()[1];
    return new SourceLoc(caller.getFileName(), caller.getLineNumber() + 1);
  }

  Sketch in(String name, Type type) {
    types.put(name, type);
    builder.port(new Port(name, Port.Direction.IN, type, UserCode.location()));
    return this;
  }

  Sketch out(String name, Type type) {
    builder.port(new Port(name, Port.Direction.OUT, type, UserCode.location()));
    return this;
  }

  /** A node of the type the width table gives its operation. */
  Sketch node(String name, Op op) {
    return node(name, TypeRules.resultType(op, types::get), op);
  }

  /** A node declared with {@code type}, right or wrong. */
  Sketch node(String name, Type type, Op op) {
    types.put(name, type);
    builder.node(new Node(name, type, op, UserCode.location()));
    return this;
  }

  Sketch constant(String name, Type type, long value) {
    return node(name, type, new Op.Const(BigInteger.valueOf(value), type));
  }

  /** A register reset to 0 and always enabled. */
  Sketch reg(String name, Type type, String next) {
    return reg(name, type, next, null);
  }

  Sketch reg(String name, Type type, String next, String enable) {
    types.put(name, type);
    builder.register(new Register(name, type, BigInteger.ZERO, next, enable, UserCode.location()));
    return this;
  }

  /** A memory of {@code depth} zeroed words with the given ports (their read ports become signals). */
  Sketch memory(String name, int depth, Type type, ImmutableList<Memory.ReadPort> reads, ImmutableList<Memory.WritePort> writes) {
    reads.forEach(rp -> types.put(rp.name(), type));
    builder.memory(new Memory(name, depth, type, ImmutableList.of(), Memory.Style.AUTO, reads, writes, UserCode.location()));
    return this;
  }

  static Memory.ReadPort asyncRead(String name, String addr) {
    return new Memory.ReadPort(name, addr, false, null, UserCode.location());
  }

  static Memory.ReadPort syncRead(String name, String addr) {
    return new Memory.ReadPort(name, addr, true, null, UserCode.location());
  }

  static Memory.WritePort write(String addr, String data, String enable) {
    return new Memory.WritePort(addr, data, enable, UserCode.location());
  }

  /** An instance of {@code child}; {@code bindings} alternate child input names and signals. */
  Sketch instance(String name, ModuleDef child, String... bindings) {
    ImmutableMap.Builder<String, String> inputs = ImmutableMap.builder();
    for (int k = 0; k < bindings.length; k += 2) {
      inputs.put(bindings[k], bindings[k + 1]);
    }
    child.outputs().forEach(p -> types.put(name + "." + p.name(), p.type()));
    builder.instance(new Instance(name, child.name(), inputs.buildOrThrow(), UserCode.location()));
    return this;
  }

  Sketch connect(String port, String source) {
    builder.connect(new Connect(port, source, UserCode.location()));
    return this;
  }

  ModuleDef build() {
    return builder.build();
  }

  // Operations, named as in the text form.

  static Op add(String a, String b) {
    return new Op.Binary(Op.BinaryKind.ADD, a, b);
  }

  static Op sub(String a, String b) {
    return new Op.Binary(Op.BinaryKind.SUB, a, b);
  }

  static Op mul(String a, String b) {
    return new Op.Binary(Op.BinaryKind.MUL, a, b);
  }

  static Op bin(Op.BinaryKind kind, String a, String b) {
    return new Op.Binary(kind, a, b);
  }

  static Op not(String a) {
    return new Op.Unary(Op.UnaryKind.NOT, a);
  }

  static Op un(Op.UnaryKind kind, String a) {
    return new Op.Unary(kind, a);
  }

  static Op mux(String sel, String whenTrue, String whenFalse) {
    return new Op.Mux(sel, whenTrue, whenFalse);
  }

  static Op cat(String... parts) {
    return new Op.Concat(ImmutableList.copyOf(parts));
  }

  static Op slice(String a, int hi, int lo) {
    return new Op.Slice(a, hi, lo);
  }

  static Op resize(String a, int width) {
    return new Op.Resize(a, width);
  }

  static Op cast(String a, boolean signed) {
    return new Op.Cast(a, signed);
  }

  static Op shlc(String a, int k) {
    return new Op.ShiftBy(Op.ShiftKind.SHL, a, k);
  }

  static Op shrc(String a, int k) {
    return new Op.ShiftBy(Op.ShiftKind.SHR, a, k);
  }
}
