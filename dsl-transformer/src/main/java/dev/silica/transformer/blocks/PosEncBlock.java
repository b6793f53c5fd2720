package dev.silica.transformer.blocks;

import static dev.silica.dsl.Hw.bundle;
import static dev.silica.dsl.Hw.mux;
import static dev.silica.dsl.Hw.reg;
import static dev.silica.dsl.Hw.rom;
import static dev.silica.dsl.Hw.when;

import dev.silica.dsl.Mem;
import dev.silica.dsl.Module;
import dev.silica.dsl.SInt;
import dev.silica.dsl.UInt;
import dev.silica.dsl.Widths;
import dev.silica.transformer.golden.IntFormat;
import dev.silica.transformer.golden.PositionalEncoding;

/**
 * Streaming positional-encoding add, bit for bit as {@link PositionalEncoding}: one channel-vector
 * beat per position; a position counter selects the ROM row (one distributed ROM of {@code
 * maxLength} entries per lane), each lane adds its entry and saturates. The counter restarts after
 * the beat with {@code last} (and wraps after {@code maxLength} positions).
 *
 * <p>Latency 1 cycle, one beat per cycle; {@code last} passes through.
 */
public final class PosEncBlock extends Module {

  public final VecStream<SInt> in;
  public final VecStream<SInt> out;

  public PosEncBlock(PositionalEncoding golden) {
    int bits = golden.input().format().bits();
    int channels = golden.dModel();
    int length = golden.maxLength();
    IntFormat entry = golden.entryFormat();
    if (length < 2) {
      throw new IllegalArgumentException("posenc needs a ROM of at least 2 positions, got " + length);
    }
    in = bundle("in", p -> new VecStream<>(p.flipped(), channels, SInt.of(bits)));
    out = bundle("out", p -> new VecStream<>(p, channels, SInt.of(bits)));
    StreamPipeline pipeline = new StreamPipeline(in.valid, in.last, out.ready, 1);
    in.ready.connect(pipeline.advance());

    int counterBits = Widths.indexBits(length);
    UInt position = reg("position", UInt.of(counterBits));
    UInt nextPosition = mux(position.eq(length - 1), UInt.lit(0, counterBits), position.addWrap(1));
    when(in.valid.and(pipeline.advance()),
        () -> position.connect(mux(in.last, UInt.lit(0, counterBits), nextPosition)));

    for (int c = 0; c < channels; c++) {
      long[] words = new long[length];
      for (int t = 0; t < length; t++) {
        words[t] = golden.entry(t, c);
      }
      Mem<SInt> table = rom("pe_" + c, SInt.of(entry.bits()), words);
      SInt sum = in.data.get(c).add(table.read(position)).saturate(bits);
      out.data.get(c).connect(pipeline.stage("result_" + c, sum));
    }
    out.valid.connect(pipeline.outValid());
    out.last.connect(pipeline.outLast());
  }

  @Override
  protected String moduleName() {
    return "PosEnc";
  }
}
