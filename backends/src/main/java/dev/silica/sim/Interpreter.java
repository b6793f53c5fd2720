package dev.silica.sim;

import java.util.List;

/**
 * The {@link Kernel} that walks the step lists, calling each step's {@link NarrowOps} method: no
 * code generation, so it starts at once. The lists are flattened once into arrays (kinds, then per
 * step its destination and four operand slots, its two parameters, its memory or call), so that a
 * step costs a few array reads rather than a walk through its objects.
 */
final class Interpreter implements Kernel {

  private final Program settle;
  private final Program clock;

  Interpreter(SimCompiler.Compiled c) {
    this.settle = new Program(c.settle());
    this.clock = new Program(c.clock());
  }

  @Override
  public void settle(long[] v) {
    settle.run(v);
  }

  @Override
  public void clock(long[] v) {
    clock.run(v);
  }

  /** One step list, flattened. */
  private static final class Program {
    private static final int SLOTS = 5;
    private static final int PARAMS = 2;

    private final StepKind[] kinds;
    /** Per step: the destination, then up to four operand slots. */
    private final int[] slots;
    /** Per step: up to two parameters. */
    private final long[] params;
    private final long[][] memories;
    private final Eval[] calls;

    Program(List<Step> steps) {
      int n = steps.size();
      kinds = new StepKind[n];
      slots = new int[n * SLOTS];
      params = new long[n * PARAMS];
      memories = new long[n][];
      calls = new Eval[n];
      for (int i = 0; i < n; i++) {
        Step s = steps.get(i);
        kinds[i] = s.kind();
        slots[i * SLOTS] = s.dest();
        if (s.kind() != StepKind.CALL) {
          System.arraycopy(s.args(), 0, slots, i * SLOTS + 1, s.args().length);
        }
        System.arraycopy(s.params(), 0, params, i * PARAMS, s.params().length);
        memories[i] = s.memory();
        calls[i] = s.call();
      }
    }

    void run(long[] v) {
      StepKind[] kinds = this.kinds;
      int[] x = slots;
      long[] p = params;
      for (int i = 0; i < kinds.length; i++) {
        int o = i * SLOTS + 1;
        int q = i * PARAMS;
        long result = switch (kinds[i]) {
          case COPY -> NarrowOps.copy(v[x[o]]);
          case NOT -> NarrowOps.not(v[x[o]], p[q]);
          case NEG -> NarrowOps.neg(v[x[o]]);
          case AND_REDUCE -> NarrowOps.andReduce(v[x[o]], p[q]);
          case OR_REDUCE -> NarrowOps.orReduce(v[x[o]]);
          case XOR_REDUCE -> NarrowOps.xorReduce(v[x[o]], p[q]);
          case ADD -> NarrowOps.add(v[x[o]], v[x[o + 1]]);
          case SUB -> NarrowOps.sub(v[x[o]], v[x[o + 1]], (int) p[q], p[q + 1] != 0);
          case MUL -> NarrowOps.mul(v[x[o]], v[x[o + 1]]);
          case AND -> NarrowOps.and(v[x[o]], v[x[o + 1]]);
          case OR -> NarrowOps.or(v[x[o]], v[x[o + 1]]);
          case XOR -> NarrowOps.xor(v[x[o]], v[x[o + 1]]);
          case EQ -> NarrowOps.eq(v[x[o]], v[x[o + 1]]);
          case NE -> NarrowOps.ne(v[x[o]], v[x[o + 1]]);
          case LT -> NarrowOps.lt(v[x[o]], v[x[o + 1]]);
          case LE -> NarrowOps.le(v[x[o]], v[x[o + 1]]);
          case LT_UNSIGNED -> NarrowOps.ltUnsigned(v[x[o]], v[x[o + 1]]);
          case LE_UNSIGNED -> NarrowOps.leUnsigned(v[x[o]], v[x[o + 1]]);
          case SHL -> NarrowOps.shl(v[x[o]], v[x[o + 1]], (int) p[q], p[q + 1] != 0);
          case SHR -> NarrowOps.shr(v[x[o]], v[x[o + 1]], (int) p[q], p[q + 1] != 0);
          case SRA -> NarrowOps.sra(v[x[o]], v[x[o + 1]], (int) p[q], p[q + 1] != 0);
          case SHL_CONST -> NarrowOps.shlConst(v[x[o]], (int) p[q]);
          case SHR_CONST -> NarrowOps.shrConst(v[x[o]], (int) p[q], p[q + 1] != 0);
          case MUX -> NarrowOps.mux(v[x[o]], v[x[o + 1]], v[x[o + 2]]);
          case APPEND -> NarrowOps.append(v[x[o]], v[x[o + 1]], (int) p[q]);
          case MASK -> NarrowOps.mask(v[x[o]], p[q]);
          case SLICE -> NarrowOps.slice(v[x[o]], (int) p[q], p[q + 1]);
          case NORMALIZE -> NarrowOps.normalize(v[x[o]], (int) p[q], p[q + 1] != 0);
          case READ -> NarrowOps.read(memories[i], v[x[o]]);
          case REGISTER -> NarrowOps.register(v[x[o]], v[x[o + 1]], v[x[o + 2]], v[x[o + 3]], p[q]);
          case CALL -> {
            calls[i].eval(v);
            yield 0;
          }
        };
        if (x[o - 1] >= 0) {
          v[x[o - 1]] = result;
        }
      }
    }
  }
}
