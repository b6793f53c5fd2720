package dev.silica.transformer.blocks;

import static dev.silica.dsl.Hw.bundle;

import dev.silica.dsl.Module;
import dev.silica.dsl.SInt;
import dev.silica.transformer.golden.DyadicMultiplier;
import dev.silica.transformer.golden.ResidualAdd;

/**
 * Streaming residual add of two differently quantized streams, bit for bit as {@link ResidualAdd}:
 * each operand minus its zero point times its own multiplier, rounded by its own shift, the two
 * summed, rounded by the guard bits, offset by the output zero point and saturated.
 *
 * <p>The two inputs are joined: a beat moves when both are valid and the pipeline advances
 * ({@code a_ready = b_valid && advance}, and symmetrically); {@code last} is taken from {@code a}.
 * Latency 2 cycles (products, result), one beat per cycle; two multipliers.
 */
public final class ResidualAddBlock extends Module {

  public final Stream<SInt> a;
  public final Stream<SInt> b;
  public final Stream<SInt> out;

  public ResidualAddBlock(ResidualAdd golden) {
    a = bundle("a", p -> new Stream<>(p.flipped(), SInt.of(golden.a().format().bits())));
    b = bundle("b", p -> new Stream<>(p.flipped(), SInt.of(golden.b().format().bits())));
    out = bundle("out", p -> new Stream<>(p, SInt.of(golden.output().format().bits())));
    StreamPipeline pipeline = new StreamPipeline(a.valid.and(b.valid), a.last, out.ready, 2);
    a.ready.connect(pipeline.advance().and(b.valid));
    b.ready.connect(pipeline.advance().and(a.valid));
    DyadicMultiplier ma = golden.multiplierA();
    DyadicMultiplier mb = golden.multiplierB();
    SInt productA = pipeline.stage("product_a_1", scaled(a.data, golden.a().zeroPoint(), ma));
    SInt productB = pipeline.stage("product_b_1", scaled(b.data, golden.b().zeroPoint(), mb));
    SInt sum = RequantDatapath.roundingShiftRight(productA, ma.shift())
        .add(RequantDatapath.roundingShiftRight(productB, mb.shift()));
    SInt result = RequantDatapath.roundingShiftRight(sum, golden.guardBits()).add(golden.output().zeroPoint())
        .saturate(golden.output().format().bits());
    out.data.connect(pipeline.stage("result_2", result));
    out.valid.connect(pipeline.outValid());
    out.last.connect(pipeline.outLast());
  }

  private static SInt scaled(SInt code, int zeroPoint, DyadicMultiplier multiplier) {
    return code.sub(zeroPoint).mul(SInt.lit(multiplier.multiplier(), multiplier.multiplierBits() + 1));
  }

  @Override
  protected String moduleName() {
    return "ResidualAdd";
  }
}
