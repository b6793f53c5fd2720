package dev.silica.sim;

/**
 * The meaning of every {@link StepKind}: one static method per kind over normalized words of at
 * most 64 bits, the single definition that both the {@link Interpreter} calls and the {@link
 * KernelEmitter}'s bytecode invokes (where the JIT inlines it, folding the constant parameters).
 * Operands come first, then the kind's constant parameters.
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
    return a == allOnes ? 1 : 0;
  }

  static long orReduce(long a) {
    return a != 0 ? 1 : 0;
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
    return a == b ? 1 : 0;
  }

  static long ne(long a, long b) {
    return a != b ? 1 : 0;
  }

  static long lt(long a, long b) {
    return a < b ? 1 : 0;
  }

  static long le(long a, long b) {
    return a <= b ? 1 : 0;
  }

  static long ltUnsigned(long a, long b) {
    return Long.compareUnsigned(a, b) < 0 ? 1 : 0;
  }

  static long leUnsigned(long a, long b) {
    return Long.compareUnsigned(a, b) <= 0 ? 1 : 0;
  }

  /** Dynamic left shift, wrapped to the operand's width; an amount of the width or more gives 0. */
  static long shl(long a, long n, int width, boolean signed) {
    return n < 0 || n >= width ? 0 : Words.normalize(a << n, width, signed);
  }

  /** Dynamic logical right shift of the operand's bits, zeros in. */
  static long shr(long a, long n, int width, boolean signed) {
    return n < 0 || n >= width ? 0 : Words.normalize((a & Words.lowMask(width)) >>> n, width, signed);
  }

  /** Dynamic arithmetic right shift: copies of the operand's top bit in, whatever its sign. */
  static long sra(long a, long n, int width, boolean signed) {
    return Words.normalize(Words.normalize(a, width, true) >> (n < 0 || n > 63 ? 63 : n), width, signed);
  }

  static long shlConst(long a, int k) {
    return a << k;
  }

  /** Constant right shift, floor(a / 2^k): arithmetic for signed, logical for unsigned. */
  static long shrConst(long a, int k, boolean signed) {
    return signed ? a >> Math.min(k, 63) : k >= 64 ? 0 : a >>> k;
  }

  static long mux(long s, long t, long f) {
    return s != 0 ? t : f;
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
    return at >= 0 && at < words.length ? words[(int) at] : 0;
  }

  /** A register's next value: {@code init} while reset is high, else {@code next} when enabled. */
  static long register(long reset, long enable, long next, long q, long init) {
    return reset != 0 ? init : enable != 0 ? next : q;
  }
}
