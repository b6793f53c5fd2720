package dev.silica.transformer.blocks;

import static dev.silica.dsl.Hw.bundle;

import dev.silica.dsl.Module;
import dev.silica.dsl.SInt;
import dev.silica.transformer.golden.Requantizer;

/**
 * Streaming requantizer: each beat's signed accumulator becomes {@code clamp(round(acc * M) +
 * zp)}, bit for bit as the golden {@link Requantizer} computes it, in any of its rounding modes.
 *
 * <p>Latency 2 cycles (product register, output register), throughput one beat per cycle; {@code
 * last} passes through. One multiplier: {@code accBits x (m+1)} bits for the multiply-shift modes,
 * 32 x 32 for double rounding.
 */
public final class RequantBlock extends Module {

  public final Stream<SInt> in;
  public final Stream<SInt> out;

  public RequantBlock(int accBits, Requantizer golden) {
    if (!golden.output().signed()) {
      throw new IllegalArgumentException("the requant block produces signed codes, not " + golden.output());
    }
    int outBits = golden.output().bits();
    in = bundle("in", p -> new Stream<>(p.flipped(), SInt.of(accBits)));
    out = bundle("out", p -> new Stream<>(p, SInt.of(outBits)));
    RequantDatapath datapath = new RequantDatapath(golden);
    StreamPipeline pipeline = new StreamPipeline(in.valid, in.last, out.ready, 2);
    in.ready.connect(pipeline.advance());
    SInt product = pipeline.stage("product_1", datapath.multiply(in.data));
    out.data.connect(pipeline.stage("result_2", datapath.finish(product, outBits)));
    out.valid.connect(pipeline.outValid());
    out.last.connect(pipeline.outLast());
  }

  @Override
  protected String moduleName() {
    return "Requant";
  }
}
