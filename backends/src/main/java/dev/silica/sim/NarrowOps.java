package dev.silica.sim;

/**
 * Evaluators for operations whose result and operands are all at most 64 bits wide: each value is
 * one normalized word, so most operations are a single Java expression.
 */
final class NarrowOps {

  private NarrowOps() {}

  static final class Not extends Eval {
    private final int d;
    private final int a;
    private final long mask;

    Not(int d, int a, long mask) {
      this.d = d;
      this.a = a;
      this.mask = mask;
    }

    @Override
    void eval(long[] v) {
      v[d] = ~v[a] & mask;
    }
  }

  static final class Neg extends Eval {
    private final int d;
    private final int a;

    Neg(int d, int a) {
      this.d = d;
      this.a = a;
    }

    @Override
    void eval(long[] v) {
      v[d] = -v[a];
    }
  }

  /** And-reduction: whether the word equals the operand's all-ones value. */
  static final class AndReduce extends Eval {
    private final int d;
    private final int a;
    private final long allOnes;

    AndReduce(int d, int a, long allOnes) {
      this.d = d;
      this.a = a;
      this.allOnes = allOnes;
    }

    @Override
    void eval(long[] v) {
      v[d] = v[a] == allOnes ? 1 : 0;
    }
  }

  static final class OrReduce extends Eval {
    private final int d;
    private final int a;

    OrReduce(int d, int a) {
      this.d = d;
      this.a = a;
    }

    @Override
    void eval(long[] v) {
      v[d] = v[a] != 0 ? 1 : 0;
    }
  }

  static final class XorReduce extends Eval {
    private final int d;
    private final int a;
    private final long mask;

    XorReduce(int d, int a, long mask) {
      this.d = d;
      this.a = a;
      this.mask = mask;
    }

    @Override
    void eval(long[] v) {
      v[d] = Long.bitCount(v[a] & mask) & 1;
    }
  }

  /** Binary operations with two operand slots; the kind picks the expression. */
  abstract static class Binary extends Eval {
    final int d;
    final int a;
    final int b;

    Binary(int d, int a, int b) {
      this.d = d;
      this.a = a;
      this.b = b;
    }
  }

  /** Exact addition: the result width always holds the sum. */
  static final class Add extends Binary {
    Add(int d, int a, int b) {
      super(d, a, b);
    }

    @Override
    void eval(long[] v) {
      v[d] = v[a] + v[b];
    }
  }

  /** Subtraction wrapped to the result width (an unsigned difference may be negative). */
  static final class Sub extends Binary {
    private final int width;
    private final boolean signed;

    Sub(int d, int a, int b, int width, boolean signed) {
      super(d, a, b);
      this.width = width;
      this.signed = signed;
    }

    @Override
    void eval(long[] v) {
      v[d] = Words.normalize(v[a] - v[b], width, signed);
    }
  }

  /** Exact multiplication: the product of two normalized words fits the result's 64 bits. */
  static final class Mul extends Binary {
    Mul(int d, int a, int b) {
      super(d, a, b);
    }

    @Override
    void eval(long[] v) {
      v[d] = v[a] * v[b];
    }
  }

  static final class And extends Binary {
    And(int d, int a, int b) {
      super(d, a, b);
    }

    @Override
    void eval(long[] v) {
      v[d] = v[a] & v[b];
    }
  }

  static final class Or extends Binary {
    Or(int d, int a, int b) {
      super(d, a, b);
    }

    @Override
    void eval(long[] v) {
      v[d] = v[a] | v[b];
    }
  }

  static final class Xor extends Binary {
    Xor(int d, int a, int b) {
      super(d, a, b);
    }

    @Override
    void eval(long[] v) {
      v[d] = v[a] ^ v[b];
    }
  }

  static final class Eq extends Binary {
    Eq(int d, int a, int b) {
      super(d, a, b);
    }

    @Override
    void eval(long[] v) {
      v[d] = v[a] == v[b] ? 1 : 0;
    }
  }

  static final class Ne extends Binary {
    Ne(int d, int a, int b) {
      super(d, a, b);
    }

    @Override
    void eval(long[] v) {
      v[d] = v[a] != v[b] ? 1 : 0;
    }
  }

  static final class LtSigned extends Binary {
    LtSigned(int d, int a, int b) {
      super(d, a, b);
    }

    @Override
    void eval(long[] v) {
      v[d] = v[a] < v[b] ? 1 : 0;
    }
  }

  static final class LeSigned extends Binary {
    LeSigned(int d, int a, int b) {
      super(d, a, b);
    }

    @Override
    void eval(long[] v) {
      v[d] = v[a] <= v[b] ? 1 : 0;
    }
  }

  static final class LtUnsigned extends Binary {
    LtUnsigned(int d, int a, int b) {
      super(d, a, b);
    }

    @Override
    void eval(long[] v) {
      v[d] = Long.compareUnsigned(v[a], v[b]) < 0 ? 1 : 0;
    }
  }

  static final class LeUnsigned extends Binary {
    LeUnsigned(int d, int a, int b) {
      super(d, a, b);
    }

    @Override
    void eval(long[] v) {
      v[d] = Long.compareUnsigned(v[a], v[b]) <= 0 ? 1 : 0;
    }
  }

  /** Dynamic left shift, wrapped to the operand's width; an amount of the width or more gives 0. */
  static final class Shl extends Binary {
    private final int width;
    private final boolean signed;

    Shl(int d, int a, int b, int width, boolean signed) {
      super(d, a, b);
      this.width = width;
      this.signed = signed;
    }

    @Override
    void eval(long[] v) {
      long n = v[b];
      v[d] = n < 0 || n >= width ? 0 : Words.normalize(v[a] << n, width, signed);
    }
  }

  /** Dynamic logical right shift of the operand's bits, zeros in. */
  static final class Shr extends Binary {
    private final int width;
    private final boolean signed;
    private final long mask;

    Shr(int d, int a, int b, int width, boolean signed) {
      super(d, a, b);
      this.width = width;
      this.signed = signed;
      this.mask = Words.lowMask(width);
    }

    @Override
    void eval(long[] v) {
      long n = v[b];
      v[d] = n < 0 || n >= width ? 0 : Words.normalize((v[a] & mask) >>> n, width, signed);
    }
  }

  /** Dynamic arithmetic right shift: copies of the operand's top bit in, whatever its sign. */
  static final class Sra extends Binary {
    private final int width;
    private final boolean signed;

    Sra(int d, int a, int b, int width, boolean signed) {
      super(d, a, b);
      this.width = width;
      this.signed = signed;
    }

    @Override
    void eval(long[] v) {
      long n = v[b];
      long extended = Words.normalize(v[a], width, true);
      v[d] = Words.normalize(extended >> (n < 0 || n > 63 ? 63 : n), width, signed);
    }
  }

  static final class ShlConst extends Eval {
    private final int d;
    private final int a;
    private final int k;

    ShlConst(int d, int a, int k) {
      this.d = d;
      this.a = a;
      this.k = k;
    }

    @Override
    void eval(long[] v) {
      v[d] = v[a] << k;
    }
  }

  /** Constant right shift, floor(a / 2^k): arithmetic for signed, logical for unsigned. */
  static final class ShrConst extends Eval {
    private final int d;
    private final int a;
    private final int k;
    private final boolean signed;

    ShrConst(int d, int a, int k, boolean signed) {
      this.d = d;
      this.a = a;
      this.k = Math.min(k, 64);
      this.signed = signed;
    }

    @Override
    void eval(long[] v) {
      long x = v[a];
      v[d] = signed ? x >> Math.min(k, 63) : k == 64 ? 0 : x >>> k;
    }
  }

  static final class Mux extends Eval {
    private final int d;
    private final int s;
    private final int t;
    private final int f;

    Mux(int d, int s, int t, int f) {
      this.d = d;
      this.s = s;
      this.t = t;
      this.f = f;
    }

    @Override
    void eval(long[] v) {
      v[d] = v[s] != 0 ? v[t] : v[f];
    }
  }

  /** Concatenation of two parts, the first in the top bits. */
  static final class Concat2 extends Binary {
    private final int lowWidth;
    private final long highMask;
    private final long lowMask;

    Concat2(int d, int a, int b, int highWidth, int lowWidth) {
      super(d, a, b);
      this.lowWidth = lowWidth;
      this.highMask = Words.lowMask(highWidth);
      this.lowMask = Words.lowMask(lowWidth);
    }

    @Override
    void eval(long[] v) {
      v[d] = ((v[a] & highMask) << lowWidth) | (v[b] & lowMask);
    }
  }

  /** Concatenation of any number of parts, the first in the top bits. */
  static final class ConcatN extends Eval {
    private final int d;
    private final int[] parts;
    private final int[] widths;
    private final long[] masks;

    ConcatN(int d, int[] parts, int[] widths) {
      this.d = d;
      this.parts = parts;
      this.widths = widths;
      this.masks = new long[widths.length];
      for (int i = 0; i < widths.length; i++) {
        masks[i] = Words.lowMask(widths[i]);
      }
    }

    @Override
    void eval(long[] v) {
      long acc = 0;
      for (int i = 0; i < parts.length; i++) {
        acc = widths[i] == 64 ? v[parts[i]] : (acc << widths[i]) | (v[parts[i]] & masks[i]);
      }
      v[d] = acc;
    }
  }

  static final class Slice extends Eval {
    private final int d;
    private final int a;
    private final int lo;
    private final long mask;

    Slice(int d, int a, int lo, int width) {
      this.d = d;
      this.a = a;
      this.lo = lo;
      this.mask = Words.lowMask(width);
    }

    @Override
    void eval(long[] v) {
      v[d] = (v[a] >>> lo) & mask;
    }
  }

  /** Re-reads a word at another width or signedness: resize and cast. */
  static final class Normalize extends Eval {
    private final int d;
    private final int a;
    private final int width;
    private final boolean signed;

    Normalize(int d, int a, int width, boolean signed) {
      this.d = d;
      this.a = a;
      this.width = width;
      this.signed = signed;
    }

    @Override
    void eval(long[] v) {
      v[d] = Words.normalize(v[a], width, signed);
    }
  }

  /** An asynchronous memory read; an address at or beyond the depth reads 0. */
  static final class AsyncRead extends Eval {
    final int d;
    final int addr;
    final long[] words;

    AsyncRead(int d, int addr, SimMemory memory) {
      this.d = d;
      this.addr = addr;
      this.words = memory.words();
    }

    @Override
    void eval(long[] v) {
      long at = v[addr];
      v[d] = at >= 0 && at < words.length ? words[(int) at] : 0;
    }
  }
}
