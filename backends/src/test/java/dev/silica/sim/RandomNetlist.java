package dev.silica.sim;

import dev.silica.ir.Design;
import dev.silica.ir.Op;
import dev.silica.ir.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random-ish synchronous circuit for benchmarks: inputs, a bank of registers and a mesh of
 * arithmetic, logic, comparison, mux, shift, slice and concatenation nodes (widths up to 32,
 * resized back after growing operations), every register fed from the mesh.
 */
public final class RandomNetlist {

  private final Random random;
  private final IrBuilder m = IrBuilder.module("random_netlist");
  private final List<String> pool = new ArrayList<>();
  private final List<Type> types = new ArrayList<>();
  private int nodes;

  private RandomNetlist(long seed) {
    this.random = new Random(seed);
  }

  /** A design of about {@code nodeCount} nodes and {@code registers} registers. */
  public static Design build(long seed, int inputs, int registers, int nodeCount) {
    return new RandomNetlist(seed).make(inputs, registers, nodeCount);
  }

  private Design make(int inputs, int registers, int nodeCount) {
    for (int i = 0; i < inputs; i++) {
      add("in" + i, Type.u(1 + random.nextInt(32)));
      m.in("in" + i, types.get(i));
    }
    List<Type> regTypes = new ArrayList<>();
    for (int r = 0; r < registers; r++) {
      Type t = new Type(1 + random.nextInt(32), false);
      regTypes.add(t);
      m.reg("r" + r, t, random.nextInt(2), "r" + r + "_next", null);
      add("r" + r, t);
    }
    while (nodes < nodeCount) {
      randomNode();
    }
    for (int r = 0; r < registers; r++) {
      String src = pick(false);
      m.node("r" + r + "_next", new Op.Resize(src, regTypes.get(r).width()));
    }
    for (int o = 0; o < 8; o++) {
      m.out("out" + o, pool.get(pool.size() - 1 - o));
    }
    return IrBuilder.design(m.build());
  }

  private void add(String name, Type type) {
    pool.add(name);
    types.add(type);
  }

  private String pick(boolean recent) {
    int n = pool.size();
    int i = recent && n > 64 ? n - 1 - random.nextInt(64) : random.nextInt(n);
    return pool.get(i);
  }

  private Type typeOf(String name) {
    return types.get(pool.indexOf(name));
  }

  private String node(Op op) {
    String name = "n" + nodes++;
    m.node(name, op);
    add(name, dev.silica.ir.TypeRules.resultType(op, this::typeOf));
    return name;
  }

  /** A signal of exactly {@code width} bits from a random one. */
  private String sized(int width) {
    String s = pick(true);
    return typeOf(s).width() == width ? s : node(new Op.Resize(s, width));
  }

  private void randomNode() {
    int width = 1 + random.nextInt(32);
    String a = sized(width);
    String b = sized(width);
    String result =
        switch (random.nextInt(10)) {
          case 0 -> node(new Op.Binary(Op.BinaryKind.ADD, a, b));
          case 1 -> node(new Op.Binary(Op.BinaryKind.SUB, a, b));
          case 2 -> node(new Op.Binary(Op.BinaryKind.MUL, a, b));
          case 3 -> node(new Op.Binary(Op.BinaryKind.XOR, a, b));
          case 4 -> node(new Op.Binary(Op.BinaryKind.AND, a, b));
          case 5 -> node(new Op.Mux(node(new Op.Binary(Op.BinaryKind.LT, a, b)), a, b));
          case 6 -> node(new Op.Binary(Op.BinaryKind.SHR, a, sized(5)));
          case 7 -> node(new Op.Concat(com.google.common.collect.ImmutableList.of(a, b)));
          case 8 -> node(new Op.Slice(a, width - 1, width / 2));
          default -> node(new Op.Unary(Op.UnaryKind.NOT, a));
        };
    if (typeOf(result).width() > 32) {
      node(new Op.Resize(result, 32));
    }
  }
}
