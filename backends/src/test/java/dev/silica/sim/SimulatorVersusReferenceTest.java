package dev.silica.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.Op;
import dev.silica.ir.Type;
import dev.silica.ir.TypeRules;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every operation, on random types of widths 1..256 (signed and unsigned, with the word
 * boundaries favoured) and random values (with the extremes favoured), agrees with {@link
 * BigIntegerReference}.
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

  /** Simulates {@code op} over inputs of {@code types} and checks each random input against {@code expected}. */
  private void check(Op op, List<Type> types, Function<List<BigInteger>, BigInteger> expected) {
    IrBuilder m = IrBuilder.module("t");
    Map<String, Type> byName = new java.util.HashMap<>();
    for (int i = 0; i < types.size(); i++) {
      m.in("i" + i, types.get(i));
      byName.put("i" + i, types.get(i));
    }
    Type result = TypeRules.resultType(op, byName::get);
    Simulator sim = Simulator.compile(IrBuilder.design(m.node("y", op).out("out", "y").build()));
    for (int k = 0; k < VALUES_PER_TYPE; k++) {
      List<BigInteger> values = new ArrayList<>();
      for (int i = 0; i < types.size(); i++) {
        values.add(value(types.get(i)));
        sim.poke("i" + i, values.get(i));
      }
      BigInteger want = expected.apply(values);
      assertEquals(result.wrap(want), want, "reference result outside " + result);
      assertEquals(want, sim.peekBig("out"), op + " over " + types + " of " + values);
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
        Op op = new Op.Unary(kind, "i0");
        Type result = TypeRules.resultType(op, n -> ta);
        check(op, List.of(ta), v -> BigIntegerReference.unary(kind, ta, v.get(0), result));
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
        Op op = new Op.Binary(kind, "i0", "i1");
        Type result = TypeRules.resultType(op, Map.of("i0", ta, "i1", tb)::get);
        check(op, List.of(ta, tb), v -> BigIntegerReference.binary(kind, ta, v.get(0), v.get(1), result));
      }
    }
  }

  @Test
  void constantShiftsAgree() {
    for (Op.ShiftKind kind : Op.ShiftKind.values()) {
      for (int t = 0; t < TYPES_PER_OP; t++) {
        Type ta = type(random.nextBoolean());
        int amount = random.nextInt(kind == Op.ShiftKind.SHL ? 257 - ta.width() : 300);
        check(new Op.ShiftBy(kind, "i0", amount), List.of(ta), v -> BigIntegerReference.shiftBy(kind, v.get(0), amount));
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
      check(new Op.Concat(names), types, v -> BigIntegerReference.concat(types, v));
    }
  }

  @Test
  void slicesResizesCastsAndMuxesAgree() {
    for (int t = 0; t < TYPES_PER_OP; t++) {
      Type ta = type(random.nextBoolean());
      int lo = random.nextInt(ta.width());
      int hi = lo + random.nextInt(ta.width() - lo);
      check(new Op.Slice("i0", hi, lo), List.of(ta), v -> BigIntegerReference.slice(ta, v.get(0), hi, lo));
      Type resized = ta.withWidth(width());
      check(new Op.Resize("i0", resized.width()), List.of(ta), v -> resized.wrap(v.get(0)));
      Type cast = new Type(ta.width(), !ta.signed());
      check(new Op.Cast("i0", cast.signed()), List.of(ta), v -> cast.wrap(v.get(0)));
      check(new Op.Mux("i0", "i1", "i2"), List.of(Type.bool(), ta, ta),
          v -> v.get(0).signum() != 0 ? v.get(1) : v.get(2));
    }
  }
}
