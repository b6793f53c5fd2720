package dev.silica.sim;

/**
 * The bytecode of one step's operation, written out as plain JVM arithmetic on its operands rather
 * than a call of its {@link NarrowOps} method: the same formulas, with the constant parameters
 * folded in while writing. Code without calls is what the JVM's first compiler tier turns into fast
 * code at once (a profiled call costs more than the arithmetic), and what the optimizing tier
 * compiles without spending its time on inlining. The rare kinds (dynamic shifts, memory reads)
 * still call their method. {@code StepCodeTest} checks every kind against {@link NarrowOps}.
 */
final class StepCode {

  /** An operand of the step: a constant word, or a local variable holding a long. */
  record Operand(boolean constant, long value, int local) {
    static Operand ofConstant(long word) {
      return new Operand(true, word, -1);
    }

    static Operand ofLocal(int local) {
      return new Operand(false, 0, local);
    }
  }

  private static final int I2L = 0x85;
  private static final int IAND = 0x7e;
  private static final int LADD = 0x61;
  private static final int LSUB = 0x65;
  private static final int LMUL = 0x69;
  private static final int LNEG = 0x75;
  private static final int LSHL = 0x79;
  private static final int LSHR = 0x7b;
  private static final int LUSHR = 0x7d;
  private static final int LAND = 0x7f;
  private static final int LOR = 0x81;
  private static final int LXOR = 0x83;

  private final MethodCode code;

  private StepCode(MethodCode code) {
    this.code = code;
  }

  /**
   * Writes code that leaves {@code kind(operands, params)} on the stack, for every kind but {@link
   * StepKind#CALL} and {@link StepKind#READ} and the kinds {@link #inline} refuses; may use new
   * local variables of {@code code} as temporaries.
   */
  static void emit(MethodCode code, StepKind kind, Operand[] x, long[] p) {
    new StepCode(code).emit(kind, x, p);
  }

  /** Whether {@link #emit} writes {@code kind} as arithmetic; the others are calls of their method. */
  static boolean inline(StepKind kind) {
    return switch (kind) {
      case SHL, SHR, SRA, READ, CALL -> false;
      default -> true;
    };
  }

  private void emit(StepKind kind, Operand[] x, long[] p) {
    switch (kind) {
      case COPY -> push(x[0]);
      case NOT -> {
        binary(x[0], Operand.ofConstant(-1), LXOR);
        mask(p[0]);
      }
      case NEG -> {
        push(x[0]);
        code.op(LNEG);
      }
      case AND_REDUCE -> eq(x[0], Operand.ofConstant(p[0]));
      case OR_REDUCE -> {
        push(x[0]);
        push(x[0]);
        code.op(LNEG);
        code.op(LOR);
        shift(LUSHR, 63);
      }
      case XOR_REDUCE -> {
        binary(x[0], Operand.ofConstant(p[0]), LAND);
        code.op(MethodCode.INVOKESTATIC, code.owner().methodRef("java/lang/Long", "bitCount", "(J)I"));
        code.pushInt(1);
        code.op(IAND);
        code.op(I2L);
      }
      case ADD -> binary(x[0], x[1], LADD);
      case SUB -> {
        binary(x[0], x[1], LSUB);
        normalize((int) p[0], p[1] != 0);
      }
      case MUL -> binary(x[0], x[1], LMUL);
      case AND -> binary(x[0], x[1], LAND);
      case OR -> binary(x[0], x[1], LOR);
      case XOR -> binary(x[0], x[1], LXOR);
      case EQ -> eq(x[0], x[1]);
      case NE -> {
        binary(x[0], x[1], LXOR);
        Operand d = temp();
        push(d);
        push(d);
        code.op(LNEG);
        code.op(LOR);
        shift(LUSHR, 63);
      }
      case LT -> lt(x[0], x[1]);
      case LE -> {
        lt(x[1], x[0]);
        flip();
      }
      case LT_UNSIGNED -> lt(flipSign(x[0]), flipSign(x[1]));
      case LE_UNSIGNED -> {
        lt(flipSign(x[1]), flipSign(x[0]));
        flip();
      }
      case SHL_CONST -> {
        push(x[0]);
        shift(LSHL, (int) p[0]);
      }
      case SHR_CONST -> shrConst(x[0], (int) p[0], p[1] != 0);
      case MUX -> mux(x[0], x[1], x[2]);
      case APPEND -> {
        push(x[0]);
        shift(LSHL, (int) p[0]);
        binary(x[1], Operand.ofConstant(Words.lowMask((int) p[0])), LAND);
        code.op(LOR);
      }
      case MASK -> {
        push(x[0]);
        mask(p[0]);
      }
      case SLICE -> {
        push(x[0]);
        shift(LUSHR, (int) p[0]);
        mask(p[1]);
      }
      case NORMALIZE -> {
        push(x[0]);
        normalize((int) p[0], p[1] != 0);
      }
      case REGISTER -> {
        if (x[1].constant()) {
          mux(x[0], Operand.ofConstant(p[0]), x[x[1].value() != 0 ? 2 : 3]);
        } else {
          mux(x[1], x[2], x[3]);
          Operand held = temp();
          mux(x[0], Operand.ofConstant(p[0]), held);
        }
      }
      default -> throw new IllegalArgumentException(kind + " is not written inline");
    }
  }

  private void push(Operand x) {
    if (x.constant()) {
      code.pushLong(x.value());
    } else {
      code.loadLong(x.local());
    }
  }

  private void binary(Operand a, Operand b, int opcode) {
    push(a);
    push(b);
    code.op(opcode);
  }

  /** Moves the value on the stack into a new local variable. */
  private Operand temp() {
    int local = code.maxLocals();
    code.storeLong(local);
    return Operand.ofLocal(local);
  }

  private void shift(int opcode, int amount) {
    code.pushInt(amount);
    code.op(opcode);
  }

  private void mask(long mask) {
    if (mask != -1L) {
      code.pushLong(mask);
      code.op(LAND);
    }
  }

  /** {@link Words#normalize} of the value on the stack. */
  private void normalize(int width, boolean signed) {
    if (width >= 64) {
      return;
    }
    if (signed) {
      shift(LSHL, 64 - width);
      shift(LSHR, 64 - width);
    } else {
      mask(Words.lowMask(width));
    }
  }

  /** {@link NarrowOps#eq}: {@code (~x & (x - 1)) >>> 63} for {@code x = a ^ b}. */
  private void eq(Operand a, Operand b) {
    binary(a, b, LXOR);
    Operand x = temp();
    binary(x, Operand.ofConstant(-1), LXOR);
    binary(x, Operand.ofConstant(1), LSUB);
    code.op(LAND);
    shift(LUSHR, 63);
  }

  /** {@link NarrowOps#lt}: {@code (d ^ ((a ^ b) & (d ^ a))) >>> 63} for {@code d = a - b}. */
  private void lt(Operand a, Operand b) {
    binary(a, b, LSUB);
    Operand d = temp();
    push(d);
    binary(a, b, LXOR);
    binary(d, a, LXOR);
    code.op(LAND);
    code.op(LXOR);
    shift(LUSHR, 63);
  }

  /** {@code 1 ^ x} for the 0/1 value on the stack. */
  private void flip() {
    code.pushLong(1);
    code.op(LXOR);
  }

  private Operand flipSign(Operand x) {
    if (x.constant()) {
      return Operand.ofConstant(x.value() ^ Long.MIN_VALUE);
    }
    binary(x, Operand.ofConstant(Long.MIN_VALUE), LXOR);
    return temp();
  }

  /** {@link NarrowOps#shrConst}. */
  private void shrConst(Operand a, int k, boolean signed) {
    if (!signed && k >= 64) {
      code.pushLong(0);
      return;
    }
    push(a);
    shift(signed ? LSHR : LUSHR, signed ? Math.min(k, 63) : k);
  }

  /** {@link NarrowOps#mux}: {@code f ^ ((t ^ f) & -s)}, or the chosen arm for a constant select. */
  private void mux(Operand s, Operand t, Operand f) {
    if (s.constant()) {
      push(s.value() != 0 ? t : f);
      return;
    }
    push(f);
    binary(t, f, LXOR);
    push(s);
    code.op(LNEG);
    code.op(LAND);
    code.op(LXOR);
  }
}
