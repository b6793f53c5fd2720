package dev.silica.transformer.blocks;

import static dev.silica.dsl.Hw.bundle;
import static dev.silica.dsl.Hw.mem;
import static dev.silica.dsl.Hw.mux;
import static dev.silica.dsl.Hw.reg;
import static dev.silica.dsl.Hw.stateMachine;
import static dev.silica.dsl.Hw.when;

import dev.silica.dsl.Bool;
import dev.silica.dsl.Hw;
import dev.silica.dsl.Mem;
import dev.silica.dsl.Module;
import dev.silica.dsl.SInt;
import dev.silica.dsl.StateMachine;
import dev.silica.dsl.UInt;
import dev.silica.dsl.Widths;
import dev.silica.ir.Memory;
import dev.silica.transformer.golden.ExpLut;
import dev.silica.transformer.golden.IExp;
import dev.silica.transformer.golden.IntExp;
import dev.silica.transformer.golden.IntFormat;
import dev.silica.transformer.golden.IntSoftmax;

/**
 * Streaming integer softmax with a sequential radix-2 restoring divider, bit for bit as {@link
 * IntSoftmax} with the {@link IntSoftmax.Normalizer#DIVIDER divider} and either exponential: the
 * table over all input differences ({@link ExpLut}) or I-BERT's polynomial ({@link IExp}), both as
 * an {@link ExpCircuit}.
 *
 * <p>A row of up to {@code maxLength} signed codes arrives ({@code last} ends it) and is kept in a
 * distributed-RAM buffer while the row maximum is tracked; then one element per cycle looks up
 * {@code e_i = exp(max - x_i)}, adds it to the sum and
 * keeps it; then for each element the divider computes {@code floor((2 e_i P + S) / 2S)}, one
 * quotient bit per cycle ({@code outBits} cycles), and the probability leaves as an unsigned
 * {@code outBits}-bit code of scale {@code 1 / (2^outBits - 1)} ({@code last} on the row's final
 * element).
 *
 * <p>Timing per row of length {@code L}: {@code L} load cycles, {@code L} sum cycles, then {@code
 * outBits + 2} cycles per element with a ready consumer; the next row is accepted after the last
 * probability has left.
 */
public final class SoftmaxBlock extends Module {

  public final Stream<SInt> in;
  public final Stream<UInt> out;

  private enum Phase {
    LOAD,
    SUM,
    DIVIDE_START,
    DIVIDE,
    EMIT
  }

  public SoftmaxBlock(IntSoftmax golden) {
    if (golden.normalizer() != IntSoftmax.Normalizer.DIVIDER) {
      throw new IllegalArgumentException("the softmax block normalizes with the divider, not " + golden.normalizer());
    }
    IntExp exp = golden.exp();
    IntFormat input = golden.input();
    int bits = input.bits();
    int outBits = golden.outBits();
    long top = golden.outputMax();
    int maxLength = golden.maxLength();
    int expBits = ExpCircuit.width(exp);
    int sumBits = golden.sumFormat().bits();
    int numeratorBits = Widths.unsignedBits(2 * exp.maxValue() * top + maxLength * exp.maxValue());
    int divisorBits = sumBits + outBits;

    in = bundle("in", p -> new Stream<>(p.flipped(), SInt.of(bits)));
    out = bundle("out", p -> new Stream<>(p, UInt.of(outBits)));

    Mem<SInt> codes = mem("codes", SInt.of(bits), maxLength).style(Memory.Style.DISTRIBUTED);
    Mem<UInt> exps = mem("exps", UInt.of(expBits), maxLength).style(Memory.Style.DISTRIBUTED);
    int indexBits = codes.addressWidth();

    StateMachine<Phase> phase = stateMachine("phase", Phase.class, Phase.LOAD);
    UInt count = reg("count", UInt.of(indexBits + 1));
    UInt index = reg("index", UInt.of(indexBits));
    SInt rowMax = reg("row_max", SInt.of(bits));
    UInt sum = reg("sum", UInt.of(sumBits));
    UInt remainder = reg("remainder", UInt.of(numeratorBits));
    UInt divisor = reg("divisor", UInt.of(divisorBits));
    UInt quotient = reg("quotient", UInt.of(outBits));
    UInt step = reg("step", UInt.of(Widths.unsignedBits(outBits)));

    Bool loading = phase.isIn(Phase.LOAD);
    Bool fire = in.valid.and(loading);
    in.ready.connect(loading);
    UInt loadIndex = count.resize(indexBits);
    codes.write(loadIndex, in.data, fire);
    when(fire, () -> {
      rowMax.connect(mux(count.eq(0).or(in.data.gt(rowMax)), in.data, rowMax));
      count.connect(count.addWrap(1));
      when(in.last, () -> {
        phase.goTo(Phase.SUM);
        index.connect(UInt.lit(0, indexBits));
        sum.connect(UInt.lit(0, sumBits));
      });
    });

    Bool lastIndex = index.add(1).eq(count);
    UInt nextIndex = index.addWrap(1);
    UInt delta = rowMax.sub(codes.read(index)).asUInt().resize(bits);
    UInt e = ExpCircuit.of(exp, delta);
    phase.is(Phase.SUM, () -> {
      exps.write(index, e, Bool.lit(true));
      sum.connect(sum.add(e).resize(sumBits));
      index.connect(nextIndex);
      when(lastIndex, () -> {
        phase.goTo(Phase.DIVIDE_START);
        index.connect(UInt.lit(0, indexBits));
      });
    });

    UInt numerator = exps.read(index).mul(UInt.lit(2 * top, outBits + 1)).add(sum).resize(numeratorBits);
    phase.is(Phase.DIVIDE_START, () -> {
      remainder.connect(numerator);
      divisor.connect(sum.shl(outBits).resize(divisorBits));
      quotient.connect(UInt.lit(0, outBits));
      step.connect(UInt.lit(0, step.width()));
      phase.goTo(Phase.DIVIDE);
    });

    Bool fits = remainder.resize(Math.max(numeratorBits, divisorBits)).ge(divisor.resize(Math.max(numeratorBits,
        divisorBits)));
    phase.is(Phase.DIVIDE, () -> {
      when(fits, () -> remainder.connect(remainder.sub(divisor.resize(numeratorBits)).asUInt().resize(numeratorBits)));
      quotient.connect(cat(quotient, fits));
      divisor.connect(divisor.shr(1).resize(divisorBits));
      step.connect(step.addWrap(1));
      when(step.eq(outBits - 1), () -> phase.goTo(Phase.EMIT));
    });

    Bool emitting = phase.isIn(Phase.EMIT);
    out.valid.connect(emitting);
    out.data.connect(quotient);
    out.last.connect(lastIndex);
    when(emitting.and(out.ready), () -> {
      index.connect(nextIndex);
      phase.goTo(Phase.DIVIDE_START);
      when(lastIndex, () -> {
        phase.goTo(Phase.LOAD);
        count.connect(UInt.lit(0, indexBits + 1));
      });
    });
  }

  private static UInt cat(UInt high, Bool low) {
    return Hw.cat(high, low).resize(high.width());
  }

  @Override
  protected String moduleName() {
    return "Softmax";
  }
}
