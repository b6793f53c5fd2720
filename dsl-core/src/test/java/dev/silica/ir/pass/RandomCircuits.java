package dev.silica.ir.pass;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.silica.ir.Connect;
import dev.silica.ir.Instance;
import dev.silica.ir.ModuleDef;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import dev.silica.ir.Port;
import dev.silica.ir.SourceLoc;
import dev.silica.ir.Type;
import dev.silica.ir.TypeRules;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random well-typed combinational modules that give every optimisation something to do: many
 * constants (zeros and all-ones among them), repeated and commuted computations, dead nodes, and
 * instances of other random modules.
 */
final class RandomCircuits {
  private static final SourceLoc HERE = new SourceLoc("RandomCircuits.java", 1);
  private static final int WIDEST = 20;

  private final Random random;

  RandomCircuits(Random random) {
    this.random = random;
  }

  /**
   * One random module with {@code inputs} inputs, about {@code nodes} nodes and {@code outputs}
   * outputs driven by signals drawn at random; what drives no output is dead code.
   */
  ModuleDef module(String name, int inputs, int nodes, int outputs, List<ModuleDef> children) {
    return new Builder(name).build(inputs, nodes, outputs, children);
  }

  private final class Builder {
    private final ModuleDef.Builder module;
    private final Map<String, Type> types = new LinkedHashMap<>();
    private final List<String> pickable = new ArrayList<>();
    private final List<Node> made = new ArrayList<>();
    private int counter;

    Builder(String name) {
      module = ModuleDef.builder(name, HERE);
    }

    ModuleDef build(int inputs, int nodes, int outputs, List<ModuleDef> children) {
      for (int k = 0; k < inputs; k++) {
        Type t = randomType();
        types.put("in" + k, t);
        pickable.add("in" + k);
        module.port(new Port("in" + k, Port.Direction.IN, t, HERE));
      }
      int instanceAt = children.isEmpty() ? -1 : nodes / 2;
      for (int k = 0; k < nodes; k++) {
        if (k == instanceAt) {
          for (int c = 0; c < children.size(); c++) {
            instantiate("u" + c, children.get(c));
          }
        }
        randomNode();
      }
      List<String> candidates = new ArrayList<>(pickable);
      Collections.shuffle(candidates, random);
      for (int k = 0; k < Math.min(outputs, candidates.size()); k++) {
        String source = candidates.get(k);
        module.port(new Port("out" + k, Port.Direction.OUT, types.get(source), HERE));
        module.connect(new Connect("out" + k, source, HERE));
      }
      return module.build();
    }

    private void instantiate(String name, ModuleDef child) {
      ImmutableMap.Builder<String, String> bindings = ImmutableMap.builder();
      child.inputs().forEach(p -> bindings.put(p.name(), as(p.type(), pick())));
      module.instance(new Instance(name, child.name(), bindings.build(), HERE));
      child.outputs()
          .forEach(
              p -> {
                types.put(name + "." + p.name(), p.type());
                pickable.add(name + "." + p.name());
              });
    }

    private Type randomType() {
      return new Type(1 + random.nextInt(12), random.nextBoolean());
    }

    /** A signal, more often a recent one. */
    private String pick() {
      int back = random.nextInt(4) == 0 ? pickable.size() : Math.min(pickable.size(), 6);
      return pickable.get(pickable.size() - 1 - random.nextInt(back));
    }

    private String add(Op op) {
      Type t = TypeRules.resultType(op, types::get);
      String name = "n" + counter++;
      Node n = new Node(name, t, op, HERE);
      module.node(n);
      made.add(n);
      types.put(name, t);
      pickable.add(name);
      return name;
    }

    /** A node for {@code op}, cut down to a narrower one (which alone may be picked later) when wide. */
    private void addNarrow(Op op) {
      String name = add(op);
      if (types.get(name).width() > WIDEST) {
        pickable.remove(name);
        add(new Op.Resize(name, WIDEST / 2));
      }
    }

    /** {@code signal} brought to exactly {@code type} by a cast and a resize where needed. */
    private String as(Type type, String signal) {
      String s = signal;
      if (types.get(s).signed() != type.signed()) {
        s = add(new Op.Cast(s, type.signed()));
      }
      return types.get(s).width() != type.width() ? add(new Op.Resize(s, type.width())) : s;
    }

    private String constant() {
      Type t = randomType();
      BigInteger value =
          switch (random.nextInt(4)) {
            case 0 -> BigInteger.ZERO;
            case 1 -> t.wrap(BigInteger.ONE.negate());
            case 2 -> t.wrap(BigInteger.ONE);
            default -> t.wrap(new BigInteger(t.width(), random));
          };
      return add(new Op.Const(value, t));
    }

    /** Either operand may be a fresh constant, so that folding and identities have work. */
    private String operand() {
      return random.nextInt(3) == 0 ? constant() : pick();
    }

    private void randomNode() {
      String a = operand();
      Type ta = types.get(a);
      switch (random.nextInt(13)) {
        case 0 -> constant();
        case 1 -> addNarrow(new Op.Binary(pickOf(Op.BinaryKind.ADD, Op.BinaryKind.SUB, Op.BinaryKind.MUL), a, sameSign(ta, operand())));
        case 2 -> addNarrow(new Op.Binary(pickOf(Op.BinaryKind.AND, Op.BinaryKind.OR, Op.BinaryKind.XOR), a, as(ta, operand())));
        case 3 -> addNarrow(new Op.Binary(pickOf(Op.BinaryKind.EQ, Op.BinaryKind.NE, Op.BinaryKind.LT, Op.BinaryKind.LE, Op.BinaryKind.GT, Op.BinaryKind.GE), a, sameSign(ta, operand())));
        case 4 -> addNarrow(new Op.Binary(pickOf(Op.BinaryKind.SHL, Op.BinaryKind.SHR, Op.BinaryKind.SRA), a, as(Type.u(1 + random.nextInt(4)), operand())));
        case 5 -> addNarrow(new Op.ShiftBy(random.nextBoolean() ? Op.ShiftKind.SHL : Op.ShiftKind.SHR, a, random.nextInt(ta.width() + 2)));
        case 6 -> addNarrow(new Op.Mux(as(Type.bool(), operand()), a, as(ta, operand())));
        case 7 -> addNarrow(new Op.Concat(ImmutableList.of(a, operand())));
        case 8 -> {
          int lo = random.nextInt(ta.width());
          addNarrow(new Op.Slice(a, lo + random.nextInt(ta.width() - lo), lo));
        }
        case 9 -> addNarrow(new Op.Resize(a, 1 + random.nextInt(16)));
        case 10 -> addNarrow(new Op.Cast(a, random.nextBoolean()));
        case 11 -> {
          Op.UnaryKind kind = pickOf(Op.UnaryKind.values());
          addNarrow(new Op.Unary(kind, kind == Op.UnaryKind.NEG ? sameSign(Type.s(1), a) : a));
        }
        default -> repeat();
      }
    }

    /** A copy of an earlier node, with commutative operands sometimes swapped. */
    private void repeat() {
      if (made.isEmpty()) {
        return;
      }
      Op op = made.get(random.nextInt(made.size())).op();
      if (op instanceof Op.Binary b && random.nextBoolean()) {
        op = switch (b.kind()) {
          case ADD, MUL, AND, OR, XOR, EQ, NE -> new Op.Binary(b.kind(), b.b(), b.a());
          case LT -> new Op.Binary(Op.BinaryKind.GT, b.b(), b.a());
          default -> b;
        };
      }
      addNarrow(op);
    }

    private String sameSign(Type like, String signal) {
      Type t = types.get(signal);
      return as(new Type(t.width(), like.signed()), signal);
    }

    @SafeVarargs
    private <T> T pickOf(T... choices) {
      return choices[random.nextInt(choices.length)];
    }
  }
}
