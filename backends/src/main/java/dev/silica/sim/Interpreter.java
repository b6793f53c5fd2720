package dev.silica.sim;

/**
 * The {@link Kernel} that walks the step lists, calling each step's {@link NarrowOps} method: no
 * code generation, so it starts at once.
 */
final class Interpreter implements Kernel {

  private final Step[] settle;
  private final Step[] clock;

  Interpreter(SimCompiler.Compiled c) {
    this.settle = c.settle().toArray(Step[]::new);
    this.clock = c.clock().toArray(Step[]::new);
  }

  @Override
  public void settle(long[] v) {
    run(settle, v);
  }

  @Override
  public void clock(long[] v) {
    run(clock, v);
  }

  private static void run(Step[] steps, long[] v) {
    for (Step s : steps) {
      if (s.kind() == StepKind.CALL) {
        s.call().eval(v);
      } else {
        v[s.dest()] = apply(s, v);
      }
    }
  }

  private static long apply(Step s, long[] v) {
    int[] a = s.args();
    return switch (s.kind()) {
      case COPY -> NarrowOps.copy(v[a[0]]);
      case NOT -> NarrowOps.not(v[a[0]], s.params()[0]);
      case NEG -> NarrowOps.neg(v[a[0]]);
      case AND_REDUCE -> NarrowOps.andReduce(v[a[0]], s.params()[0]);
      case OR_REDUCE -> NarrowOps.orReduce(v[a[0]]);
      case XOR_REDUCE -> NarrowOps.xorReduce(v[a[0]], s.params()[0]);
      case ADD -> NarrowOps.add(v[a[0]], v[a[1]]);
      case SUB -> NarrowOps.sub(v[a[0]], v[a[1]], s.param(0), s.flag(1));
      case MUL -> NarrowOps.mul(v[a[0]], v[a[1]]);
      case AND -> NarrowOps.and(v[a[0]], v[a[1]]);
      case OR -> NarrowOps.or(v[a[0]], v[a[1]]);
      case XOR -> NarrowOps.xor(v[a[0]], v[a[1]]);
      case EQ -> NarrowOps.eq(v[a[0]], v[a[1]]);
      case NE -> NarrowOps.ne(v[a[0]], v[a[1]]);
      case LT -> NarrowOps.lt(v[a[0]], v[a[1]]);
      case LE -> NarrowOps.le(v[a[0]], v[a[1]]);
      case LT_UNSIGNED -> NarrowOps.ltUnsigned(v[a[0]], v[a[1]]);
      case LE_UNSIGNED -> NarrowOps.leUnsigned(v[a[0]], v[a[1]]);
      case SHL -> NarrowOps.shl(v[a[0]], v[a[1]], s.param(0), s.flag(1));
      case SHR -> NarrowOps.shr(v[a[0]], v[a[1]], s.param(0), s.flag(1));
      case SRA -> NarrowOps.sra(v[a[0]], v[a[1]], s.param(0), s.flag(1));
      case SHL_CONST -> NarrowOps.shlConst(v[a[0]], s.param(0));
      case SHR_CONST -> NarrowOps.shrConst(v[a[0]], s.param(0), s.flag(1));
      case MUX -> NarrowOps.mux(v[a[0]], v[a[1]], v[a[2]]);
      case APPEND -> NarrowOps.append(v[a[0]], v[a[1]], s.param(0));
      case MASK -> NarrowOps.mask(v[a[0]], s.params()[0]);
      case SLICE -> NarrowOps.slice(v[a[0]], s.param(0), s.params()[1]);
      case NORMALIZE -> NarrowOps.normalize(v[a[0]], s.param(0), s.flag(1));
      case READ -> NarrowOps.read(s.memory(), v[a[0]]);
      case REGISTER -> NarrowOps.register(v[a[0]], v[a[1]], v[a[2]], v[a[3]], s.params()[0]);
      case CALL -> throw new IllegalStateException("a call has no value");
    };
  }
}
