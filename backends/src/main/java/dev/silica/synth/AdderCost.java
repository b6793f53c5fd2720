package dev.silica.synth;

import dev.silica.ir.Node;
import dev.silica.ir.Op;
import dev.silica.ir.Type;

/**
 * What an add, subtract or negate costs: a carry chain over the demanded bits above the low bits
 * that pass through (below the {@linkplain KnownZeroBits known zeros} of an addend nothing
 * carries), one CARRY4 per four bits and one LUT per bit whose propagate signal is logic, where
 * both operand bits vary. Operands are seen through extending resizes: where the narrower one is
 * zero-extended the other's bit is a wire, where it is sign-extended each bit up to the wider
 * operand's top needs a LUT, and above both the top bit's LUT serves all. A single LUT when an
 * operand is constant; nothing for a sum in a DSP48E1's post-adder.
 */
final class AdderCost {

  private final NetlistFacts facts;
  private final KnownZeroBits zeros;
  private final DspMapping dsp;

  AdderCost(NetlistFacts facts, KnownZeroBits zeros, DspMapping dsp) {
    this.facts = facts;
    this.zeros = zeros;
    this.dsp = dsp;
  }

  /** The cost of node {@code n}, the add or subtract {@code op}. */
  ResourceCount sum(Node n, Op.Binary op) {
    if (dsp.isPostAdder(n)) {
      return ResourceCount.none();
    }
    int w = Math.max(facts.type(op.a()).width(), facts.type(op.b()).width());
    boolean bothVariable = !facts.isConstant(op.a()) && !facts.isConstant(op.b());
    int width = Math.min(w, facts.demandedTop(n) + 1) - passThroughBits(op);
    return ResourceCount.of(Resource.CARRY4, Fabric.carry4s(width))
        .add(Resource.LUT_AS_LOGIC, bothVariable ? Math.min(width, varyingSumBits(op)) : 1);
  }

  /** The cost of node {@code n}, a negation: a carry chain over its demanded bits. */
  ResourceCount negation(Node n) {
    return Fabric.carryChain(facts.demandedTop(n) + 1);
  }

  /**
   * The low bits of a sum that are wires: below the known-zero low bits of an addend (or of the
   * subtrahend) nothing carries, so the other operand's bits pass through.
   */
  private int passThroughBits(Op.Binary op) {
    int b = zeros.lowBits(op.b());
    return op.kind() == Op.BinaryKind.ADD ? Math.max(zeros.lowBits(op.a()), b) : b;
  }

  /**
   * The bits of a sum whose carry-chain LUT computes something: below both operands' own widths
   * both bits vary; above the narrower one, a zero-extended operand leaves the other's bit as the
   * propagate signal (a wire), while a sign-extended one needs a LUT per bit up to the wider
   * operand's top. Above both, every bit repeats the top bit's propagate signal, which synthesis
   * builds once.
   */
  private int varyingSumBits(Op.Binary op) {
    Type a = facts.beforeExtension(op.a());
    Type b = facts.beforeExtension(op.b());
    boolean aNarrower = a.width() <= b.width();
    Type narrow = aNarrower ? a : b;
    Type wide = aNarrower ? b : a;
    return narrow.signed() ? wide.width() : narrow.width();
  }
}
