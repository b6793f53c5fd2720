package dev.silica.transformer.blocks;

import static dev.silica.dsl.Hw.bundle;
import static dev.silica.dsl.Hw.mem;
import static dev.silica.dsl.Hw.mux;
import static dev.silica.dsl.Hw.reg;
import static dev.silica.dsl.Hw.regNext;
import static dev.silica.dsl.Hw.when;
import static dev.silica.dsl.Hw.wire;

import dev.silica.dsl.Bool;
import dev.silica.dsl.Mem;
import dev.silica.dsl.Module;
import dev.silica.dsl.SInt;
import dev.silica.dsl.UInt;
import dev.silica.dsl.Widths;
import dev.silica.ir.Memory;
import dev.silica.transformer.golden.Linear;
import dev.silica.transformer.golden.RoundingMode;

/**
 * Streaming quantized linear layer on one multiply-accumulate unit, bit for bit as {@link Linear}:
 * {@code y = requant(x W + b')}, weights and (zero-point-folded) bias from ROMs of the chosen
 * {@link Memory.Style} (block or distributed), the requantizer at the output.
 *
 * <p>A vector arrives as {@code K} beats (the {@code K}-th ends it) and is kept in a {@code K}-word
 * buffer; then the MAC walks {@code j = 0 .. N-1}, {@code k = 0 .. K-1}, one product per cycle,
 * starting each sum from the bias, and every finished sum goes through the two-stage requantizer
 * to the output ({@code N} beats, {@code last} on {@code j = N-1}). The next vector is accepted once
 * the last output has left. Per vector: {@code K} load cycles, then the first output {@code K + 4}
 * cycles after the vector's last beat and one more every {@code K} cycles; throughput one vector per
 * {@code K + K N + 4} cycles with a ready consumer. The compute pipeline stalls as a whole while
 * an output waits.
 */
public final class LinearBlock extends Module {

  public final Stream<SInt> in;
  public final Stream<SInt> out;

  public LinearBlock(Linear golden, Memory.Style romStyle) {
    int[][] weights = golden.weights();
    long[] bias = golden.foldedBias();
    int k = weights.length;
    int n = bias.length;
    int accBits = golden.accumulatorFormat().bits();
    int outBits = golden.requantizer().output().bits();
    if (golden.requantizer().mode() == RoundingMode.DOUBLE_ROUNDING && accBits > 32) {
      throw new IllegalArgumentException("double rounding needs an int32 accumulator; this layer needs " + accBits
          + " bits");
    }
    in = bundle("in", p -> new Stream<>(p.flipped(), SInt.of(golden.input().bits())));
    out = bundle("out", p -> new Stream<>(p, SInt.of(outBits)));

    Mem<SInt> buffer = mem("x_buffer", SInt.of(golden.input().bits()), k).style(Memory.Style.DISTRIBUTED);
    long[] flat = new long[k * n];
    for (int j = 0; j < n; j++) {
      for (int kk = 0; kk < k; kk++) {
        flat[j * k + kk] = weights[kk][j];
      }
    }

    Bool computing = reg("computing", Bool.TYPE);
    Bool loading = computing.not();
    Bool fire = in.valid.and(loading);
    in.ready.connect(loading);
    UInt loadIndex = reg("load_index", UInt.of(buffer.addressWidth()));
    buffer.write(loadIndex, in.data, fire);
    Bool vectorDone = loadIndex.eq(k - 1);
    when(fire, () -> loadIndex.connect(mux(vectorDone, UInt.lit(0, loadIndex.width()),
        loadIndex.addWrap(1))));

    Bool advance = wire("advance", Bool.TYPE);
    UInt kIndex = reg("k_index", UInt.of(buffer.addressWidth()));
    UInt jIndex = reg("j_index", UInt.of(Widths.indexBits(n)));
    UInt weightIndex = reg("weight_index", UInt.of(Widths.indexBits(k * n)));
    Bool issuing = reg("issuing", Bool.TYPE);
    Bool lastK = kIndex.eq(k - 1);
    Bool lastJ = jIndex.eq(n - 1);
    when(fire.and(vectorDone), () -> {
      computing.connect(Bool.lit(true));
      issuing.connect(Bool.lit(true));
    });
    when(issuing.and(advance), () -> {
      kIndex.connect(mux(lastK, UInt.lit(0, kIndex.width()), kIndex.addWrap(1)));
      weightIndex.connect(mux(lastK.and(lastJ), UInt.lit(0, weightIndex.width()),
          weightIndex.addWrap(1)));
      when(lastK, () -> jIndex.connect(mux(lastJ, UInt.lit(0, jIndex.width()), jIndex.addWrap(1))));
      when(lastK.and(lastJ), () -> issuing.connect(Bool.lit(false)));
    });

    // stage 1: operands read, control delayed alongside
    SInt x = buffer.readSync(kIndex, advance);
    SInt w = RegisteredRom.read("weights", golden.weight().bits(), flat, weightIndex, advance, romStyle);
    SInt b = RegisteredRom.read("bias", Widths.signedBitsOf(bias), bias, jIndex, advance,
        romStyle);
    Bool valid1 = regNext("valid_1", issuing, advance);
    Bool first1 = regNext("first_1", kIndex.eq(0), advance);
    Bool sumDone1 = regNext("sum_done_1", lastK, advance);
    Bool last1 = regNext("last_1", lastK.and(lastJ), advance);

    // stage 2: the multiply-accumulate
    SInt acc = reg("acc", SInt.of(accBits));
    SInt product = x.mul(w);
    when(valid1.and(advance), () -> acc.connect(mux(first1, b.resize(accBits).add(product),
        acc.add(product)).resize(accBits)));
    Bool valid2 = regNext("valid_2", valid1.and(sumDone1), advance);
    Bool last2 = regNext("last_2", last1, advance);

    // stages 3 and 4: the requantizer
    RequantDatapath requant = new RequantDatapath(golden.requantizer());
    SInt scaled = regNext("product_3", requant.multiply(acc), advance);
    Bool valid3 = regNext("valid_3", valid2, advance);
    Bool last3 = regNext("last_3", last2, advance);
    SInt result = regNext("result_4", requant.finish(scaled, outBits), advance);
    Bool valid4 = regNext("valid_4", valid3, advance);
    Bool last4 = regNext("last_4", last3, advance);

    advance.connect(valid4.not().or(out.ready));
    out.data.connect(result);
    out.valid.connect(valid4);
    out.last.connect(last4);
    when(valid4.and(out.ready).and(last4), () -> computing.connect(Bool.lit(false)));
  }

  @Override
  protected String moduleName() {
    return "Linear";
  }
}
