package dev.silica.sim;

import dev.silica.ir.Op;

/**
 * Evaluators for operations where the result or an operand is wider than 64 bits. They work word
 * by word on the normalized runs of {@link Words}, reading operands extended to the result's word
 * count, and never allocate (scratch space is made once, at compile time).
 */
final class WideOps {

  private WideOps() {}

  /** Addition or subtraction of the operands extended to the result width. */
  static final class AddSub implements Eval {
    private final Run d;
    private final Run a;
    private final Run b;
    private final boolean subtract;

    AddSub(Run d, Run a, Run b, boolean subtract) {
      this.d = d;
      this.a = a;
      this.b = b;
      this.subtract = subtract;
    }

    @Override
    public void eval(long[] v) {
      long carry = subtract ? 1 : 0;
      for (int i = 0; i < d.n; i++) {
        long x = a.word(v, i);
        long y = subtract ? ~b.word(v, i) : b.word(v, i);
        long s = x + y;
        long c1 = Long.compareUnsigned(s, x) < 0 ? 1 : 0;
        long t = s + carry;
        long c2 = Long.compareUnsigned(t, s) < 0 ? 1 : 0;
        v[d.base + i] = t;
        carry = c1 | c2;
      }
      d.normalizeTop(v);
    }
  }

  /** Schoolbook multiplication of the extended operands, modulo 2^(64 * result words). */
  static final class Mul implements Eval {
    private final Run d;
    private final Run a;
    private final Run b;

    Mul(Run d, Run a, Run b) {
      this.d = d;
      this.a = a;
      this.b = b;
    }

    @Override
    public void eval(long[] v) {
      int n = d.n;
      for (int i = 0; i < n; i++) {
        v[d.base + i] = 0;
      }
      for (int i = 0; i < n; i++) {
        long x = a.word(v, i);
        if (x == 0) {
          continue;
        }
        long carry = 0;
        for (int j = 0; i + j < n; j++) {
          long y = b.word(v, j);
          long lo = x * y;
          long hi = unsignedMultiplyHigh(x, y);
          int at = d.base + i + j;
          long sum = lo + v[at];
          if (Long.compareUnsigned(sum, lo) < 0) {
            hi++;
          }
          long sum2 = sum + carry;
          if (Long.compareUnsigned(sum2, sum) < 0) {
            hi++;
          }
          v[at] = sum2;
          carry = hi;
        }
      }
      d.normalizeTop(v);
    }

    private static long unsignedMultiplyHigh(long x, long y) {
      return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
    }
  }

  /** Bitwise and, or, xor of operands of one type, and not (with {@code b} null). */
  static final class Bitwise implements Eval {
    private final Run d;
    private final Run a;
    private final Run b;
    private final Op.BinaryKind kind;

    Bitwise(Run d, Run a, Run b, Op.BinaryKind kind) {
      this.d = d;
      this.a = a;
      this.b = b;
      this.kind = kind;
    }

    @Override
    public void eval(long[] v) {
      for (int i = 0; i < d.n; i++) {
        long x = v[a.base + i];
        v[d.base + i] =
            b == null
                ? ~x
                : switch (kind) {
                  case AND -> x & v[b.base + i];
                  case OR -> x | v[b.base + i];
                  default -> x ^ v[b.base + i];
                };
      }
      d.normalizeTop(v);
    }
  }

  /** Two's complement negation into the one-bit-wider result. */
  static final class Neg implements Eval {
    private final Run d;
    private final Run a;

    Neg(Run d, Run a) {
      this.d = d;
      this.a = a;
    }

    @Override
    public void eval(long[] v) {
      long carry = 1;
      for (int i = 0; i < d.n; i++) {
        long t = ~a.word(v, i) + carry;
        carry = carry == 1 && t == 0 ? 1 : 0;
        v[d.base + i] = t;
      }
      d.normalizeTop(v);
    }
  }

  /** And-, or- and xor-reduction of all bits of a wide operand. */
  static final class Reduce implements Eval {
    private final int d;
    private final Run a;
    private final Op.UnaryKind kind;
    private final long topMask;

    Reduce(int d, Run a, Op.UnaryKind kind) {
      this.d = d;
      this.a = a;
      this.kind = kind;
      this.topMask = Words.lowMask(a.width - 64 * (a.n - 1));
    }

    @Override
    public void eval(long[] v) {
      boolean all = true;
      boolean any = false;
      int parity = 0;
      for (int i = 0; i < a.n; i++) {
        long mask = i == a.n - 1 ? topMask : -1L;
        long w = v[a.base + i] & mask;
        all &= w == mask;
        any |= w != 0;
        parity ^= Long.bitCount(w);
      }
      v[d] =
          switch (kind) {
            case AND_REDUCE -> all ? 1 : 0;
            case OR_REDUCE -> any ? 1 : 0;
            default -> parity & 1;
          };
    }
  }

  /** Numeric comparison of same-signed operands of any widths. */
  static final class Compare implements Eval {
    private final int d;
    private final Run a;
    private final Run b;
    private final Op.BinaryKind kind;
    private final int n;

    Compare(int d, Run a, Run b, Op.BinaryKind kind) {
      this.d = d;
      this.a = a;
      this.b = b;
      this.kind = kind;
      this.n = Math.max(a.n, b.n);
    }

    @Override
    public void eval(long[] v) {
      int order = 0;
      for (int i = n - 1; i >= 0 && order == 0; i--) {
        long x = a.word(v, i);
        long y = b.word(v, i);
        order = i == n - 1 && a.signed ? Long.compare(x, y) : Long.compareUnsigned(x, y);
      }
      boolean result =
          switch (kind) {
            case EQ -> order == 0;
            case NE -> order != 0;
            case LT -> order < 0;
            case LE -> order <= 0;
            case GT -> order > 0;
            default -> order >= 0;
          };
      v[d] = result ? 1 : 0;
    }
  }

  /**
   * Dynamic shifts keeping the operand's type: left (zeros in, wrapped), logical right (zeros in)
   * and arithmetic right (copies of the operand's top bit in).
   */
  static final class DynamicShift implements Eval {
    private final Run d;
    private final Run a;
    private final Run amount;
    private final Op.BinaryKind kind;

    DynamicShift(Run d, Run a, Run amount, Op.BinaryKind kind) {
      this.d = d;
      this.a = a;
      this.amount = amount;
      this.kind = kind;
    }

    @Override
    public void eval(long[] v) {
      int width = a.width;
      long k =
          Words.unsignedAtLeast(v, amount.base, amount.n, width) ? width : v[amount.base];
      if (kind == Op.BinaryKind.SHL) {
        for (int i = 0; i < d.n; i++) {
          v[d.base + i] = k >= width ? 0 : a.bitsAt(v, 64L * i - k);
        }
      } else {
        for (int i = 0; i < d.n; i++) {
          v[d.base + i] = a.bitsAt(v, 64L * i + k);
        }
        boolean fill = kind == Op.BinaryKind.SRA && a.bit(v, width - 1);
        Words.fillFrom(v, d.base, d.n, width - k, fill);
      }
      d.normalizeTop(v);
    }
  }

  /**
   * Everything that reads a window of the operand's (extended) bits: constant shifts, slices,
   * resizes and casts. Result word {@code i} is the 64 bits starting at {@code 64 i + offset}.
   */
  static final class Window implements Eval {
    private final Run d;
    private final Run a;
    private final long offset;

    Window(Run d, Run a, long offset) {
      this.d = d;
      this.a = a;
      this.offset = offset;
    }

    @Override
    public void eval(long[] v) {
      for (int i = 0; i < d.n; i++) {
        v[d.base + i] = a.bitsAt(v, 64L * i + offset);
      }
      d.normalizeTop(v);
    }
  }

  /** A multiplexer of wide values (the select is one bit). */
  static final class Mux implements Eval {
    private final int s;
    private final Run d;
    private final Run t;
    private final Run f;

    Mux(Run d, int s, Run t, Run f) {
      this.d = d;
      this.s = s;
      this.t = t;
      this.f = f;
    }

    /** Word by word, the narrow {@link NarrowOps#mux}. */
    @Override
    public void eval(long[] v) {
      long select = v[s];
      for (int i = 0; i < d.n; i++) {
        v[d.base + i] = NarrowOps.mux(select, v[t.base + i], v[f.base + i]);
      }
    }
  }

  /** Concatenation into a wide result, the first part in the top bits. */
  static final class Concat implements Eval {
    private final Run d;
    private final Run[] parts;
    private final int[] offsets;

    Concat(Run d, Run[] parts) {
      this.d = d;
      this.parts = parts;
      this.offsets = new int[parts.length];
      int at = 0;
      for (int i = parts.length - 1; i >= 0; i--) {
        offsets[i] = at;
        at += parts[i].width;
      }
    }

    @Override
    public void eval(long[] v) {
      for (int i = 0; i < d.n; i++) {
        v[d.base + i] = 0;
      }
      for (int p = 0; p < parts.length; p++) {
        Run part = parts[p];
        int off = offsets[p];
        for (int j = 0; j < part.n; j++) {
          int bits = Math.min(64, part.width - 64 * j);
          long x = v[part.base + j] & Words.lowMask(bits);
          int at = off + 64 * j;
          int q = at >>> 6;
          int r = at & 63;
          v[d.base + q] |= x << r;
          if (r != 0 && r + bits > 64) {
            v[d.base + q + 1] |= x >>> (64 - r);
          }
        }
      }
    }
  }

  /** An asynchronous read of a memory with words wider than 64 bits. */
  static final class AsyncRead implements Eval {
    private final Run d;
    private final int addr;
    private final SimMemory memory;

    AsyncRead(Run d, int addr, SimMemory memory) {
      this.d = d;
      this.addr = addr;
      this.memory = memory;
    }

    @Override
    public void eval(long[] v) {
      memory.readInto(v[addr], v, d.base);
    }
  }
}
