package dev.silica.transformer.blocks;

import static dev.silica.dsl.Hw.bundle;
import static dev.silica.dsl.Hw.mem;
import static dev.silica.dsl.Hw.mux;
import static dev.silica.dsl.Hw.reg;
import static dev.silica.dsl.Hw.rom;
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
import dev.silica.transformer.golden.IntFormat;
import dev.silica.transformer.golden.IntLayerNorm;
import dev.silica.transformer.golden.IntegerSqrt;

/**
 * Streaming integer LayerNorm over one position's {@code L} channels, bit for bit as {@link
 * IntLayerNorm}: sum while loading the row into a distributed-RAM buffer; {@code Q = sum d_i^2}
 * with {@code d_i = L x_i - s}, one square per cycle; {@code sigma = isqrt(L Q)} by the bit-serial
 * root ({@link IntegerSqrt#bitSerial}), one result bit per cycle; then per channel a restoring
 * division gives {@code n_i = round(d_i L 2^F / sigma)} (half away from zero, sign and magnitude)
 * and {@code y_i = clamp(round((n_i G_i + B_i) / 2^(F+g)) + zp)} with {@code G_i}, {@code B_i}
 * from ROMs.
 *
 * <p>The quotient needs {@code F + width(L) + 1} bits: with {@code sum d = 0}, {@code L Q >= L^2
 * d_i^2 / (L-1)}, so {@code sigma >= |d_i|} and {@code |d_i| L / sigma <= L}.
 *
 * <p>Timing per row: {@code L} load, {@code L} square, {@code ceil(W/2)} root cycles ({@code W} the
 * radicand's width), then {@code q + 2} cycles per channel ({@code q} quotient bits) with a ready
 * consumer; the next row is accepted after the last output.
 */
public final class LayerNormBlock extends Module {

  public final Stream<SInt> in;
  public final Stream<SInt> out;

  private enum Phase {
    LOAD,
    SQUARES,
    ROOT,
    DIVIDE_START,
    DIVIDE,
    EMIT
  }

  public LayerNormBlock(IntLayerNorm golden) {
    IntFormat input = golden.input();
    int bits = input.bits();
    int outBits = golden.output().format().bits();
    long[] gammas = golden.gammas();
    long[] betas = golden.betas();
    int length = gammas.length;
    int fraction = golden.fractionBits();

    IntFormat sumFormat = IntFormat.signedFor(input.min() * length, input.max() * length);
    long span = (input.max() - input.min()) * length;
    IntFormat centered = IntFormat.signedFor(-span, span);
    IntFormat squares = IntFormat.unsignedFor(Math.multiplyExact((long) length, span * span));
    IntFormat radicand = IntFormat.unsignedFor(Math.multiplyExact(squares.max(), (long) length));
    int rootSteps = IntegerSqrt.bitSerialSteps(radicand.bits());
    int rootBits = rootSteps;
    int quotientBits = fraction + Widths.unsignedBits(length) + 1;
    IntFormat numeratorFormat = IntFormat.unsignedFor(
        Math.addExact(Math.multiplyExact(span * length, 1L << (fraction + 1)), 1L << rootBits));
    int divisorBits = rootBits + 1 + quotientBits;

    in = bundle("in", p -> new Stream<>(p.flipped(), SInt.of(bits)));
    out = bundle("out", p -> new Stream<>(p, SInt.of(outBits)));

    Mem<SInt> codes = mem("codes", SInt.of(bits), length).style(Memory.Style.DISTRIBUTED);
    int indexBits = codes.addressWidth();
    Mem<SInt> gammaRom = rom("gamma", SInt.of(Widths.signedBitsOf(gammas)), gammas);
    Mem<SInt> betaRom = rom("beta", SInt.of(Widths.signedBitsOf(betas)), betas);

    StateMachine<Phase> phase = stateMachine("phase", Phase.class, Phase.LOAD);
    UInt index = reg("index", UInt.of(indexBits));
    SInt sum = reg("sum", SInt.of(sumFormat.bits()));
    UInt squareSum = reg("square_sum", UInt.of(squares.bits()));
    UInt remainder = reg("root_remainder", UInt.of(radicand.bits()));
    // during the iterations the root register holds partial roots scaled up to the radicand's width
    int rootRegisterBits = radicand.bits() + 1;
    UInt root = reg("root", UInt.of(rootRegisterBits));
    UInt rootBit = reg("root_bit", UInt.of(radicand.bits()));
    UInt numerator = reg("numerator", UInt.of(numeratorFormat.bits()));
    UInt divisor = reg("divisor", UInt.of(divisorBits));
    UInt quotient = reg("quotient", UInt.of(quotientBits));
    Bool negative = reg("negative", Bool.TYPE);
    UInt step = reg("step", UInt.of(Widths.unsignedBits(Math.max(rootSteps, quotientBits))));
    Bool lastIndex = index.eq(length - 1);
    UInt nextIndex = mux(lastIndex, UInt.lit(0, indexBits), index.addWrap(1));

    Bool loading = phase.isIn(Phase.LOAD);
    Bool fire = in.valid.and(loading);
    in.ready.connect(loading);
    codes.write(index, in.data, fire);
    when(fire, () -> {
      sum.connect(mux(index.eq(0), in.data.resize(sumFormat.bits()), sum.add(in.data).resize(sumFormat.bits())));
      index.connect(nextIndex);
      when(in.last, () -> {
        phase.goTo(Phase.SQUARES);
        index.connect(UInt.lit(0, indexBits));
        squareSum.connect(UInt.lit(0, squares.bits()));
      });
    });

    SInt d = codes.read(index).mul(SInt.lit(length, Widths.signedBits(0, length))).sub(sum)
        .resize(centered.bits());
    UInt dSquared = d.mul(d).asUInt().resize(squares.bits());
    UInt totalSquares = squareSum.add(dSquared).resize(squares.bits());
    long topBit = 1L << (2 * (rootSteps - 1));
    phase.is(Phase.SQUARES, () -> {
      squareSum.connect(totalSquares);
      index.connect(nextIndex);
      when(lastIndex, () -> {
        phase.goTo(Phase.ROOT);
        remainder.connect(totalSquares.mul(UInt.lit(length, Widths.unsignedBits(length)))
            .resize(radicand.bits()));
        root.connect(UInt.lit(0, rootRegisterBits));
        rootBit.connect(UInt.lit(topBit, radicand.bits()));
        step.connect(UInt.lit(0, step.width()));
      });
    });

    UInt trial = root.add(rootBit).resize(rootRegisterBits);
    Bool takes = remainder.resize(radicand.bits() + 1).ge(trial);
    phase.is(Phase.ROOT, () -> {
      when(takes, () -> {
        remainder.connect(remainder.resize(radicand.bits() + 1).sub(trial).asUInt().resize(radicand.bits()));
        root.connect(root.shr(1).resize(rootRegisterBits).add(rootBit).resize(rootRegisterBits));
      }).otherwise(() -> root.connect(root.shr(1).resize(rootRegisterBits)));
      rootBit.connect(rootBit.shr(2).resize(radicand.bits()));
      step.connect(step.addWrap(1));
      when(step.eq(rootSteps - 1), () -> {
        phase.goTo(Phase.DIVIDE_START);
        index.connect(UInt.lit(0, indexBits));
      });
    });

    UInt sigma = root.resize(rootBits);
    SInt scaledD = d.mul(SInt.lit(length, Widths.signedBits(0, length)));
    UInt magnitude = mux(scaledD.lt(0), scaledD.neg().resize(scaledD.width() + 1), scaledD.resize(scaledD.width() + 1))
        .asUInt();
    phase.is(Phase.DIVIDE_START, () -> {
      numerator.connect(magnitude.shl(fraction + 1).add(sigma).resize(numeratorFormat.bits()));
      divisor.connect(sigma.shl(quotientBits).resize(divisorBits));
      quotient.connect(UInt.lit(0, quotientBits));
      negative.connect(scaledD.lt(0));
      step.connect(UInt.lit(0, step.width()));
      phase.goTo(Phase.DIVIDE);
    });

    int compareBits = Math.max(numeratorFormat.bits(), divisorBits);
    Bool fits = numerator.resize(compareBits).ge(divisor.resize(compareBits));
    phase.is(Phase.DIVIDE, () -> {
      when(fits, () -> numerator.connect(numerator.resize(compareBits + 1).sub(divisor.resize(compareBits + 1))
          .asUInt().resize(numeratorFormat.bits())));
      quotient.connect(Hw.cat(quotient, fits).resize(quotientBits));
      divisor.connect(divisor.shr(1).resize(divisorBits));
      step.connect(step.addWrap(1));
      when(step.eq(quotientBits - 1), () -> phase.goTo(Phase.EMIT));
    });

    SInt signedQuotient = Hw.cat(UInt.lit(0, 1), quotient).asSInt();
    SInt normalized = mux(sigma.eq(0), SInt.lit(0, quotientBits + 2),
        mux(negative, signedQuotient.neg(), signedQuotient.resize(quotientBits + 2)));
    SInt affine = normalized.mul(gammaRom.read(index)).add(betaRom.read(index));
    SInt result = RequantDatapath.roundingShiftRight(affine, fraction + golden.coefficientShift())
        .add(golden.output().zeroPoint()).saturate(outBits);
    Bool emitting = phase.isIn(Phase.EMIT);
    out.valid.connect(emitting);
    out.data.connect(result);
    out.last.connect(lastIndex);
    when(emitting.and(out.ready), () -> {
      index.connect(nextIndex);
      phase.goTo(Phase.DIVIDE_START);
      when(lastIndex, () -> phase.goTo(Phase.LOAD));
    });
  }

  @Override
  protected String moduleName() {
    return "LayerNorm";
  }
}
