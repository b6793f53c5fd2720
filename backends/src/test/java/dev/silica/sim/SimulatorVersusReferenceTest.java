package dev.silica.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import dev.silica.ir.Op;
import dev.silica.ir.OpSemantics;
import dev.silica.ir.Type;
import dev.silica.ir.TypeRules;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every operation, on random types of widths 1..256 (signed and unsigned, with the word
 * boundaries favoured) and random values (with the extremes favoured), agrees with the IR's
 * reference semantics, {@link OpSemantics}, which shares no code with the simulator; on the
 * interpreter and on generated code alike.
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

  /** One op under test: {@code y<k>} computed from its own inputs {@code i<k>_0, i<k>_1, ...}. */
  private record Case(Op op, List<String> inputs, Type result) {}

  /**
   * Builds one design holding every case that {@code cases} adds (each as {@code make(types)} over
   * operand names), simulates it on random inputs and checks every output against OpSemantics.
   */
  private void check(Simulator.Execution execution, Consumer<Cases> cases) {
    Cases all = new Cases();
    cases.accept(all);
    Simulator sim = Simulator.compile(IrBuilder.design(all.module.build()), execution);
    for (int k = 0; k < VALUES_PER_TYPE; k++) {
      Map<String, BigInteger> values = new HashMap<>();
      all.types.forEach((name, type) -> {
        values.put(name, value(type));
        sim.poke(name, values.get(name));
      });
      for (int c = 0; c < all.cases.size(); c++) {
        Case test = all.cases.get(c);
        BigInteger want = OpSemantics.eval(test.op(), test.result(), values::get, all.types::get);
        assertEquals(want, sim.peekBig("y" + c),
            test.op() + " over " + test.inputs().stream().map(i -> all.types.get(i) + " " + values.get(i)).toList());
      }
    }
  }

  /** The cases of one design. */
  private static final class Cases {
    final IrBuilder module = IrBuilder.module("ops");
    final Map<String, Type> types = new HashMap<>();
    final List<Case> cases = new ArrayList<>();

    /** Adds the case {@code op(operands)} where the operands have {@code operandTypes}. */
    void add(List<Type> operandTypes, java.util.function.Function<List<String>, Op> op) {
      int c = cases.size();
      List<String> names = new ArrayList<>();
      for (int i = 0; i < operandTypes.size(); i++) {
        String name = "i" + c + "_" + i;
        names.add(name);
        types.put(name, operandTypes.get(i));
        module.in(name, operandTypes.get(i));
      }
      Op built = op.apply(names);
      cases.add(new Case(built, names, TypeRules.resultType(built, types::get)));
      module.node("n" + c, built).out("y" + c, "n" + c);
    }
  }

  @ParameterizedTest
  @EnumSource(names = {"INTERPRETED", "GENERATED"})
  void unaryOperationsAgree(Simulator.Execution execution) {
    check(execution, cases -> {
      for (Op.UnaryKind kind : Op.UnaryKind.values()) {
        for (int t = 0; t < TYPES_PER_OP; t++) {
          Type ta = kind == Op.UnaryKind.NEG ? type(true) : type(random.nextBoolean());
          if (ta.width() < 256 || kind != Op.UnaryKind.NEG) {
            cases.add(List.of(ta), n -> new Op.Unary(kind, n.get(0)));
          }
        }
      }
    });
  }

  @ParameterizedTest
  @EnumSource(names = {"INTERPRETED", "GENERATED"})
  void binaryOperationsAgree(Simulator.Execution execution) {
    check(execution, cases -> {
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
          cases.add(List.of(ta, tb), n -> new Op.Binary(kind, n.get(0), n.get(1)));
        }
      }
    });
  }

  @ParameterizedTest
  @EnumSource(names = {"INTERPRETED", "GENERATED"})
  void constantShiftsAgree(Simulator.Execution execution) {
    check(execution, cases -> {
      for (Op.ShiftKind kind : Op.ShiftKind.values()) {
        for (int t = 0; t < TYPES_PER_OP; t++) {
          Type ta = type(random.nextBoolean());
          int amount = random.nextInt(kind == Op.ShiftKind.SHL ? 257 - ta.width() : 300);
          cases.add(List.of(ta), n -> new Op.ShiftBy(kind, n.get(0), amount));
        }
      }
    });
  }

  @ParameterizedTest
  @EnumSource(names = {"INTERPRETED", "GENERATED"})
  void concatenationsAgree(Simulator.Execution execution) {
    check(execution, cases -> {
      for (int t = 0; t < TYPES_PER_OP; t++) {
        List<Type> types = new ArrayList<>();
        int parts = 1 + random.nextInt(4);
        for (int i = 0; i < parts; i++) {
          types.add(new Type(1 + random.nextInt(random.nextBoolean() ? 20 : 90), random.nextBoolean()));
        }
        cases.add(types, n -> new Op.Concat(ImmutableList.copyOf(n)));
      }
    });
  }

  @ParameterizedTest
  @EnumSource(names = {"INTERPRETED", "GENERATED"})
  void slicesResizesCastsAndMuxesAgree(Simulator.Execution execution) {
    check(execution, cases -> {
      for (int t = 0; t < TYPES_PER_OP; t++) {
        Type ta = type(random.nextBoolean());
        int lo = random.nextInt(ta.width());
        int hi = lo + random.nextInt(ta.width() - lo);
        int width = width();
        cases.add(List.of(ta), n -> new Op.Slice(n.get(0), hi, lo));
        cases.add(List.of(ta), n -> new Op.Resize(n.get(0), width));
        cases.add(List.of(ta), n -> new Op.Cast(n.get(0), !ta.signed()));
        cases.add(List.of(ta), n -> new Op.Cast(n.get(0), ta.signed()));
        cases.add(List.of(Type.bool(), ta, ta), n -> new Op.Mux(n.get(0), n.get(1), n.get(2)));
      }
    });
  }
}
