package dev.silica.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Generated code computes every step kind exactly as its {@link NarrowOps} method, which the
 * interpreter calls: on random operand words, each either a constant (which the generated code
 * folds) or a value read from the array, and random parameters of the kind.
 */
class StepCodeTest {

  private static final int STEPS = 200;

  @ParameterizedTest
  @EnumSource(value = StepKind.class, names = "CALL", mode = EnumSource.Mode.EXCLUDE)
  void generatedCodeComputesWhatNarrowOpsDefines(StepKind kind) {
    SplittableRandom random = new SplittableRandom(kind.ordinal());
    long[] memory = {5, -7, 11, 42};
    int operands = kind.operands;
    int slots = STEPS * (operands + 1);
    long[] values = new long[slots];
    Map<Integer, Long> constants = new HashMap<>();
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < STEPS; i++) {
      int base = i * (operands + 1);
      int[] args = new int[operands];
      for (int a = 0; a < operands; a++) {
        args[a] = base + 1 + a;
        values[args[a]] = operand(kind, a, random);
        if (random.nextInt(3) == 0) {
          constants.put(args[a], values[args[a]]);
        }
      }
      steps.add(kind == StepKind.READ ? Step.read(base, memory, args[0]) : Step.of(kind, base, args, params(kind, random)));
    }
    SimCompiler.Compiled c = new SimCompiler.Compiled(values, ImmutableList.copyOf(steps), ImmutableList.of(),
        ImmutableMap.copyOf(constants), ImmutableMap.of(), ImmutableList.of(), ImmutableList.of(), ImmutableMap.of(), -1, new BitSet());
    long[] interpreted = values.clone();
    long[] generated = values.clone();
    new Interpreter(c).settle(interpreted);
    GeneratedKernel.of(c, false).settle(generated);
    assertArrayEquals(interpreted, generated);
  }

  /** Selects, enables and resets are u1; memory addresses sometimes in range; anything else any word. */
  private static long operand(StepKind kind, int index, SplittableRandom random) {
    boolean bit = (kind == StepKind.MUX && index == 0) || (kind == StepKind.REGISTER && index < 2);
    if (bit) {
      return random.nextInt(2);
    }
    if (kind == StepKind.READ || random.nextInt(4) == 0) {
      return random.nextInt(-2, 70);
    }
    return random.nextLong();
  }

  private static long[] params(StepKind kind, SplittableRandom random) {
    int width = 1 + random.nextInt(64);
    long signed = random.nextInt(2);
    long mask = random.nextBoolean() ? -1L : Words.lowMask(width);
    return switch (kind) {
      case NOT, AND_REDUCE, XOR_REDUCE, MASK -> new long[] {mask};
      case SUB, SHL, SHR, SRA, NORMALIZE -> new long[] {width, signed};
      case SHL_CONST -> new long[] {random.nextInt(70)};
      case SHR_CONST -> new long[] {random.nextInt(70), signed};
      case APPEND -> new long[] {width};
      case SLICE -> new long[] {random.nextInt(64), mask};
      case REGISTER -> new long[] {random.nextLong()};
      default -> new long[0];
    };
  }
}
