package dev.silica.transformer.blocks;

import static dev.silica.dsl.Hw.bundle;
import static dev.silica.dsl.Hw.mux;
import static dev.silica.dsl.Hw.reg;
import static dev.silica.dsl.Hw.when;

import dev.silica.dsl.Bool;
import dev.silica.dsl.Module;
import dev.silica.dsl.SInt;
import dev.silica.dsl.Widths;
import dev.silica.transformer.golden.GlobalAvgPool;
import dev.silica.transformer.golden.IntFormat;

/**
 * Streaming global average pooling over a sequence of {@code length} channel vectors, bit for bit
 * as {@link GlobalAvgPool}: one {@code channels}-lane beat per position, the beat with {@code
 * last} closes the window (the producer sends exactly {@code length} beats per window). Each lane
 * sums its codes; at {@code last} it outputs {@code floor((2 sum + L) / 2L)}, the mean rounded half
 * up, computed as {@code ((2 sum + L - 2L min) * m >> k) + min} with a {@link ReciprocalConstant}
 * proven exact for every possible sum: a constant multiply, no divider.
 *
 * <p>Latency 1 cycle from the last beat to the result beat (which carries {@code last}); one
 * input beat per cycle. Input is stalled only while a result waits for the consumer.
 */
public final class AvgPoolBlock extends Module {

  public final VecStream<SInt> in;
  public final VecStream<SInt> out;

  public AvgPoolBlock(int bits, int channels, int length) {
    if (length < 1 || channels < 1) {
      throw new IllegalArgumentException("avgpool needs at least one channel and one position");
    }
    IntFormat code = IntFormat.signed(bits);
    IntFormat sumFormat = IntFormat.signedFor(code.min() * length, code.max() * length);
    long offset = length - 2L * length * code.min();
    ReciprocalConstant reciprocal = ReciprocalConstant.of(2L * length, 2 * sumFormat.max() + offset);
    in = bundle("in", p -> new VecStream<>(p.flipped(), channels, SInt.of(bits)));
    out = bundle("out", p -> new VecStream<>(p, channels, SInt.of(bits)));

    Bool outValid = reg("out_valid_r", Bool.TYPE);
    Bool windowStart = reg("window_start", Bool.TYPE, 1);
    Bool ready = outValid.not().or(out.ready);
    Bool fire = in.valid.and(ready);
    in.ready.connect(ready);
    when(fire, () -> windowStart.connect(in.last));
    when(out.ready, () -> outValid.connect(Bool.lit(false)));
    when(fire.and(in.last), () -> outValid.connect(Bool.lit(true)));

    for (int c = 0; c < channels; c++) {
      SInt sum = reg("sum_" + c, SInt.of(sumFormat.bits()));
      SInt total = mux(windowStart, in.data.get(c).resize(sumFormat.bits()), sum.add(in.data.get(c)).resize(
          sumFormat.bits()));
      when(fire, () -> sum.connect(total));
      SInt numerator = total.shl(1).add(offset);
      SInt mean = numerator.mul(SInt.lit(reciprocal.multiplier(), Widths.unsignedBits(reciprocal.multiplier()) + 1))
          .shr(reciprocal.shift()).add(code.min()).resize(bits);
      SInt result = reg("mean_" + c, SInt.of(bits));
      when(fire.and(in.last), () -> result.connect(mean));
      out.data.get(c).connect(result);
    }
    out.valid.connect(outValid);
    out.last.connect(Bool.lit(true));
  }

  @Override
  protected String moduleName() {
    return "AvgPool";
  }
}
