package dev.silica.transformer.blocks;

import static dev.silica.dsl.Hw.bundle;
import static dev.silica.dsl.Hw.mux;
import static dev.silica.dsl.Hw.reg;
import static dev.silica.dsl.Hw.rom;
import static dev.silica.dsl.Hw.when;

import dev.silica.dsl.Module;
import dev.silica.dsl.SInt;
import dev.silica.dsl.UInt;
import dev.silica.dsl.Widths;
import dev.silica.transformer.golden.FoldedBatchNorm;
import java.util.Arrays;

/**
 * Streaming folded BatchNorm, bit for bit as {@link FoldedBatchNorm}: codes arrive channel by
 * channel ({@code c = 0 .. C-1}, {@code last} on the final channel of a position); a channel
 * counter picks {@code A_c} and {@code B_c} from two distributed ROMs and the element becomes
 * {@code clamp((x A_c + B_c + 2^(n-1)) >> n)}. The counter restarts after {@code last} (and wraps
 * after {@code C} channels).
 *
 * <p>Latency 2 cycles (multiply-add, round and saturate), one beat per cycle; one multiplier of
 * input bits by coefficient bits.
 */
public final class BatchNormBlock extends Module {

  public final Stream<SInt> in;
  public final Stream<SInt> out;

  public BatchNormBlock(FoldedBatchNorm golden) {
    int inBits = golden.input().format().bits();
    int outBits = golden.output().format().bits();
    long[] multipliers = golden.multipliers();
    long[] offsets = golden.offsets();
    int channels = multipliers.length;
    in = bundle("in", p -> new Stream<>(p.flipped(), SInt.of(inBits)));
    out = bundle("out", p -> new Stream<>(p, SInt.of(outBits)));
    StreamPipeline pipeline = new StreamPipeline(in.valid, in.last, out.ready, 2);
    in.ready.connect(pipeline.advance());

    int counterBits = Widths.indexBits(channels);
    UInt channel = reg("channel", UInt.of(counterBits));
    UInt next = mux(channel.eq(channels - 1), UInt.lit(0, counterBits), channel.addWrap(1));
    when(in.valid.and(pipeline.advance()), () -> channel.connect(mux(in.last, UInt.lit(0, counterBits), next)));

    SInt multiplier = rom("multipliers", SInt.of(Widths.signedBitsOf(multipliers)), padded(multipliers, counterBits))
        .read(channel);
    SInt offset = rom("offsets", SInt.of(Widths.signedBitsOf(offsets)), padded(offsets, counterBits)).read(channel);
    SInt affine = pipeline.stage("affine_1", in.data.mul(multiplier).add(offset));
    out.data.connect(pipeline.stage("result_2",
        RequantDatapath.roundingShiftRight(affine, golden.shift()).saturate(outBits)));
    out.valid.connect(pipeline.outValid());
    out.last.connect(pipeline.outLast());
  }

  /** The words padded with zeros to the counter's full range, so every address reads a word. */
  private static long[] padded(long[] words, int addressBits) {
    return Arrays.copyOf(words, Math.max(words.length, 1 << addressBits));
  }

  @Override
  protected String moduleName() {
    return "BatchNorm";
  }
}
