package dev.silica.sim;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * One operation of a design lowered for simulation: {@code v[dest] = kind(v[args]..., params...)}
 * over words of at most 64 bits, or, for {@link StepKind#CALL}, a call of {@code call}, whose
 * {@code args} are then every slot it reads (it writes where it likes). Both the {@link
 * Interpreter} and the {@link KernelEmitter} run exactly this list. Parameters are stored as longs
 * whatever the method's parameter type (booleans as 0 or 1).
 *
 * @param memory the words of the memory a {@link StepKind#READ} reads, otherwise null
 */
record Step(StepKind kind, int dest, int[] args, long[] params, long[] memory, Eval call) {

  static Step of(StepKind kind, int dest, int[] args, long... params) {
    return new Step(kind, dest, args, params, null, null);
  }

  static Step read(int dest, long[] memory, int addr) {
    return new Step(StepKind.READ, dest, new int[] {addr}, new long[0], memory, null);
  }

  /** A call of {@code call}, which reads the slots {@code reads}. */
  static Step call(Eval call, int... reads) {
    return new Step(StepKind.CALL, -1, reads, new long[0], null, call);
  }

  /** Every word slot of {@code runs}. */
  static int[] words(Run... runs) {
    return Arrays.stream(runs).flatMapToInt(r -> IntStream.range(r.base, r.base + r.n)).toArray();
  }

  /** This step with its result stored into {@code slot} instead. */
  Step to(int slot) {
    return new Step(kind, slot, args, params, memory, call);
  }

  int param(int i) {
    return (int) params[i];
  }

  boolean flag(int i) {
    return params[i] != 0;
  }
}
