package dev.silica.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.Op;
import dev.silica.ir.OpSemantics;
import dev.silica.ir.Type;
import dev.silica.ir.TypeRules;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every operation, on random types of widths 1..256 (signed and unsigned, with the word
 * boundaries favoured) and random values (with the extremes favoured), agrees with the IR's
 * reference semantics, {@link OpSemantics}, which shares no code with the simulator.
 */
class SimulatorVersusReferenceTest {

  private static final int TYPES_PER_OP = 40;
  private static final int VALUES_PER_TYPE = 12;
  private static final int[] BOUNDARY_WIDTHS = {1, 2, 63, 64, 65, 127, 128, 129, 192, 255, 256};

  private final Random random = new Random(20240611);

  private int width() {
    return random.nextBoolean()
        ? BOUNDARY_WIDTHS[random.nextInt(BOUNDARY_WIDTHS.length)]
        : 1 + random.nextInt(256);
  }

  private Type type(boolean signed) {
    return new Type(width(), signed);
  }

  private BigInteger value(Type t) {
    return switch (random.nextInt(6)) {
      case 0 -> t.min();
      case 1 -> t.max();
      case 2 -> t.wrap(BigInteger.valueOf(random.nextInt(5) - 2));
      default -> t.wrap(new BigInteger(t.width(), random));
    };
  }

  /** Simulates {@code op} over inputs {@code i0, i1, ...} of {@code types} and checks random inputs against OpSemantics. */
  private void check(Op op, List<Type> types) {
    IrBuilder m = IrBuilder.module("t");
    Map<String, Type> byName = new java.util.HashMap<>();
    for (int i = 0; i < types.size(); i++) {
      m.in("i" + i, types.get(i));
      byName.put("i" + i, types.get(i));
    }
    Type result = TypeRules.resultType(op, byName::get);
    Simulator sim = Simulator.compile(IrBuilder.design(m.node("y", op).out("out", "y").build()));
    for (int k = 0; k < VALUES_PER_TYPE; k++) {
      Map<String, BigInteger> values = new java.util.LinkedHashMap<>();
      for (int i = 0; i < types.size(); i++) {
        values.put("i" + i, value(types.get(i)));
        sim.poke("i" + i, values.get("i" + i));
      }
      BigInteger want = OpSemantics.eval(op, result, values::get, byName::get);
      assertEquals(want, sim.peekBig("out"), op + " over " + types + " of " + values.values());
    }
  }

  @Test
  void unaryOperationsAgree() {
    for (Op.UnaryKind kind : Op.UnaryKind.values()) {
      for (int t = 0; t < TYPES_PER_OP; t++) {
        Type ta = kind == Op.UnaryKind.NEG ? type(true) : type(random.nextBoolean());
        if (ta.width() == 256 && kind == Op.UnaryKind.NEG) {
          continue;
        }
        check(new Op.Unary(kind, "i0"), List.of(ta));
      }
    }
  }

  @Test
  void binaryOperationsAgree() {
    for (Op.BinaryKind kind : Op.BinaryKind.values()) {
      for (int t = 0; t < TYPES_PER_OP; t++) {
        boolean signed = random.nextBoolean();
        Type ta = type(signed);
        Type tb =
            kind.isShift() ? Type.u(1 + random.nextInt(12))
                : switch (kind) {
                  case AND, OR, XOR -> ta;
                  default -> type(signed);
                };
        check(new Op.Binary(kind, "i0", "i1"), List.of(ta, tb));
      }
    }
  }

  @Test
  void constantShiftsAgree() {
    for (Op.ShiftKind kind : Op.ShiftKind.values()) {
      for (int t = 0; t < TYPES_PER_OP; t++) {
        Type ta = type(random.nextBoolean());
        int amount = random.nextInt(kind == Op.ShiftKind.SHL ? 257 - ta.width() : 300);
        check(new Op.ShiftBy(kind, "i0", amount), List.of(ta));
      }
    }
  }

  @Test
  void concatenationsAgree() {
    for (int t = 0; t < TYPES_PER_OP; t++) {
      List<Type> types = new ArrayList<>();
      int parts = 1 + random.nextInt(4);
      for (int i = 0; i < parts; i++) {
        types.add(new Type(1 + random.nextInt(random.nextBoolean() ? 20 : 90), random.nextBoolean()));
      }
      ImmutableList<String> names = ImmutableList.copyOf(
          java.util.stream.IntStream.range(0, parts).mapToObj(i -> "i" + i).toList());
      check(new Op.Concat(names), types);
    }
  }

  @Test
  void slicesResizesCastsAndMuxesAgree() {
    for (int t = 0; t < TYPES_PER_OP; t++) {
      Type ta = type(random.nextBoolean());
      int lo = random.nextInt(ta.width());
      int hi = lo + random.nextInt(ta.width() - lo);
      check(new Op.Slice("i0", hi, lo), List.of(ta));
      check(new Op.Resize("i0", width()), List.of(ta));
      check(new Op.Cast("i0", !ta.signed()), List.of(ta));
      check(new Op.Cast("i0", ta.signed()), List.of(ta));
      check(new Op.Mux("i0", "i1", "i2"), List.of(Type.bool(), ta, ta));
    }
  }
}
