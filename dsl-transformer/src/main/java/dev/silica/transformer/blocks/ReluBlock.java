package dev.silica.transformer.blocks;

import static dev.silica.dsl.Hw.bundle;
import static dev.silica.dsl.Hw.mux;

import dev.silica.dsl.Module;
import dev.silica.dsl.SInt;
import dev.silica.transformer.golden.Relu;

/**
 * Streaming ReLU on quantized codes, {@code max(x, zp)} as {@link Relu} computes it. Latency 1
 * cycle, one beat per cycle; {@code last} passes through. One comparator and one multiplexer.
 */
public final class ReluBlock extends Module {

  public final Stream<SInt> in;
  public final Stream<SInt> out;

  public ReluBlock(int bits, int zeroPoint) {
    in = bundle("in", p -> new Stream<>(p.flipped(), SInt.of(bits)));
    out = bundle("out", p -> new Stream<>(p, SInt.of(bits)));
    StreamPipeline pipeline = new StreamPipeline(in.valid, in.last, out.ready, 1);
    in.ready.connect(pipeline.advance());
    SInt zero = SInt.lit(zeroPoint, bits);
    out.data.connect(pipeline.stage("result_1", mux(in.data.lt(zero), zero, in.data)));
    out.valid.connect(pipeline.outValid());
    out.last.connect(pipeline.outLast());
  }

  @Override
  protected String moduleName() {
    return "Relu";
  }
}
