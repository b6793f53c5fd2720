package dev.silica.sim;

/**
 * The meaning of every {@link StepKind}: one static method per kind over normalized words of at
 * most 64 bits, which the {@link Interpreter} calls and the {@link KernelEmitter}'s bytecode either
 * invokes or, through {@link StepCode}, writes out as the same formula (checked kind by kind by a
 * test). Operands come first, then the kind's constant parameters.
 *
 * <p>The methods do not branch on values (selects and enables are u1, so {@code -s} is a mask):
 * straight-line code gives the JIT no branch profile to trust or to be wrong about, so compiled
 * code never falls back to the interpreter when a design enters a new state.
 */
final class NarrowOps {

  private NarrowOps() {}

  static long copy(long a) {
    return a;
  }

  /** Bitwise not within {@code mask} (all ones for a signed result, its low bits otherwise). */
  static long not(long a, long mask) {
    return ~a & mask;
  }

  static long neg(long a) {
    return -a;
  }

  /** Whether {@code a} equals its type's all-ones value. */
  static long andReduce(long a, long allOnes) {
    return eq(a, allOnes);
  }

  static long orReduce(long a) {
    return (a | -a) >>> 63;
  }

  static long xorReduce(long a, long mask) {
    return Long.bitCount(a & mask) & 1;
  }

  /** Exact addition: the result width always holds the sum. */
  static long add(long a, long b) {
    return a + b;
  }

  /** Subtraction wrapped to the result width (an unsigned difference may be negative). */
  static long sub(long a, long b, int width, boolean signed) {
    return Words.normalize(a - b, width, signed);
  }

  /** Exact multiplication: the product of two normalized words fits the result's 64 bits. */
  static long mul(long a, long b) {
    return a * b;
  }

  static long and(long a, long b) {
    return a & b;
  }

  static long or(long a, long b) {
    return a | b;
  }

  static long xor(long a, long b) {
    return a ^ b;
  }

  static long eq(long a, long b) {
    long x = a ^ b;
    return (~x & (x - 1)) >>> 63;
  }

  static long ne(long a, long b) {
    long x = a ^ b;
    return (x | -x) >>> 63;
  }

  static long lt(long a, long b) {
    long d = a - b;
    return (d ^ ((a ^ b) & (d ^ a))) >>> 63;
  }

  static long le(long a, long b) {
    return 1 ^ lt(b, a);
  }

  static long ltUnsigned(long a, long b) {
    return lt(a ^ Long.MIN_VALUE, b ^ Long.MIN_VALUE);
  }

  static long leUnsigned(long a, long b) {
    return 1 ^ ltUnsigned(b, a);
  }

  /** Dynamic left shift, wrapped to the operand's width; an amount of the width or more gives 0. */
  static long shl(long a, long n, int width, boolean signed) {
    return Words.normalize(a << n, width, signed) & -ltUnsigned(n, width);
  }

  /** Dynamic logical right shift of the operand's bits, zeros in. */
  static long shr(long a, long n, int width, boolean signed) {
    return Words.normalize((a & Words.lowMask(width)) >>> n, width, signed) & -ltUnsigned(n, width);
  }

  /** Dynamic arithmetic right shift: copies of the operand's top bit in, whatever its sign. */
  static long sra(long a, long n, int width, boolean signed) {
    long inRange = -ltUnsigned(n, 64);
    long k = (n & inRange) | (63 & ~inRange);
    return Words.normalize(Words.normalize(a, width, true) >> k, width, signed);
  }

  static long shlConst(long a, int k) {
    return a << k;
  }

  /** Constant right shift, floor(a / 2^k): arithmetic for signed, logical for unsigned. */
  static long shrConst(long a, int k, boolean signed) {
    return signed ? a >> Math.min(k, 63) : k >= 64 ? 0 : a >>> k;
  }

  /** {@code t} when the u1 select {@code s} is 1, else {@code f}. */
  static long mux(long s, long t, long f) {
    return f ^ ((t ^ f) & -s);
  }

  /** Appends {@code width} low bits of {@code part} below {@code acc}: one step of a concatenation. */
  static long append(long acc, long part, int width) {
    return (acc << width) | (part & Words.lowMask(width));
  }

  /** The low bits of {@code a} selected by {@code mask}: the first part of a concatenation. */
  static long mask(long a, long mask) {
    return a & mask;
  }

  static long slice(long a, int lo, long mask) {
    return (a >>> lo) & mask;
  }

  /** Re-reads a word at another width or signedness: resize and cast. */
  static long normalize(long a, int width, boolean signed) {
    return Words.normalize(a, width, signed);
  }

  /** An asynchronous memory read; an address at or beyond the depth reads 0. */
  static long read(long[] words, long at) {
    long inRange = -ltUnsigned(at, words.length);
    return words[(int) (at & inRange)] & inRange;
  }

  /** A register's next value: {@code init} while reset is high, else {@code next} when enabled. */
  static long register(long reset, long enable, long next, long q, long init) {
    return mux(reset, init, mux(enable, next, q));
  }
}
