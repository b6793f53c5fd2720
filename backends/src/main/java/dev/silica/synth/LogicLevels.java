package dev.silica.synth;

import com.google.common.math.IntMath;
import dev.silica.ir.Node;
import dev.silica.ir.Op;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

/**
 * The estimator's longest combinational path of a flat module, in the stages {@link
 * MappedNetlistDepth} counts after mapping: each LUT level, each CARRY4 of a carry chain. Inputs,
 * registers, memory read ports and DSP48E1 multipliers (whose registers Yosys packs in) start a
 * path; wiring adds nothing; bitwise logic and multiplexers cost the LUT levels of their {@link
 * LogicCones cones}, counted at each cone's root.
 */
final class LogicLevels {

  private final Map<String, Node> nodes = new HashMap<>();
  private final Map<String, Integer> depth = new HashMap<>();
  private final NetlistFacts facts;
  private final LogicCones cones;

  private LogicLevels(NetlistFacts facts, LogicCones cones) {
    this.facts = facts;
    this.cones = cones;
    facts.module().nodes().forEach(n -> nodes.put(n.name(), n));
  }

  /** The levels of the deepest node of the flat module of {@code facts}. */
  static int of(NetlistFacts facts, LogicCones cones) {
    LogicLevels l = new LogicLevels(facts, cones);
    return facts.module().nodes().stream().mapToInt(n -> l.depth(n.name())).max().orElse(0);
  }

  private int depth(String name) {
    Integer known = depth.get(name);
    if (known != null) {
      return known;
    }
    Node n = nodes.get(name);
    int d = 0;
    if (n != null) {
      int inputs = n.op().operands().stream().mapToInt(this::depth).max().orElse(0);
      d = inputs + stages(n);
    }
    depth.put(name, d);
    return d;
  }

  private int width(String name) {
    return facts.type(name).width();
  }

  private int stages(Node n) {
    return n.op().accept(
        new Op.Visitor<Integer>() {
          @Override
          public Integer visitConst(Op.Const op) {
            return 0;
          }

          @Override
          public Integer visitUnary(Op.Unary op) {
            return switch (op.kind()) {
              case NOT -> 0;
              case NEG -> 1 + Fabric.carry4s(width(op.a()) + 1);
              default -> IntMath.log2(Math.max(width(op.a()), 2), RoundingMode.CEILING) / 2 + 1;
            };
          }

          @Override
          public Integer visitBinary(Op.Binary op) {
            int w = Math.max(width(op.a()), width(op.b()));
            return switch (op.kind()) {
              case ADD, SUB, LT, LE, GT, GE -> 1 + Fabric.carry4s(w);
              case AND, OR, XOR -> cones.levels(n);
              case MUL -> Math.min(width(op.a()), width(op.b())) >= DspMapping.MIN_OPERAND_BITS
                      && n.type().width() >= DspMapping.MIN_PRODUCT_BITS
                  ? -depthOfOperands(op)
                  : width(op.a()) + width(op.b());
              case SHL, SHR, SRA -> IntMath.divide(IntMath.log2(Math.max(w, 2), RoundingMode.CEILING), 2, RoundingMode.CEILING);
              default -> 1;
            };
          }

          private int depthOfOperands(Op.Binary op) {
            return Math.max(depth(op.a()), depth(op.b()));
          }

          @Override
          public Integer visitShiftBy(Op.ShiftBy op) {
            return 0;
          }

          @Override
          public Integer visitMux(Op.Mux op) {
            return cones.levels(n);
          }

          @Override
          public Integer visitConcat(Op.Concat op) {
            return 0;
          }

          @Override
          public Integer visitSlice(Op.Slice op) {
            return 0;
          }

          @Override
          public Integer visitResize(Op.Resize op) {
            return 0;
          }

          @Override
          public Integer visitCast(Op.Cast op) {
            return 0;
          }
        });
  }
}
