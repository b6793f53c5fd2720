package dev.silica.transformer.blocks;

import static dev.silica.dsl.Hw.bundle;
import static dev.silica.dsl.Hw.instance;
import static dev.silica.dsl.Hw.mem;
import static dev.silica.dsl.Hw.mux;
import static dev.silica.dsl.Hw.reg;
import static dev.silica.dsl.Hw.regNext;
import static dev.silica.dsl.Hw.rom;
import static dev.silica.dsl.Hw.when;

import dev.silica.dsl.Bool;
import dev.silica.dsl.Mem;
import dev.silica.dsl.Module;
import dev.silica.dsl.SInt;
import dev.silica.dsl.UInt;
import dev.silica.dsl.Vec;
import dev.silica.dsl.Widths;
import dev.silica.ir.Memory;
import dev.silica.transformer.golden.Linear;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming quantized linear layer on a {@link Systolic} array, bit for bit as {@link Linear}: a
 * batch of {@code R} input vectors ({@code R K} beats, vector after vector, the producer sends
 * whole batches) is buffered, then fed to an {@code R x N} array as {@code K} operand beats (column
 * {@code k} of the batch, row {@code k} of {@code W} from per-column ROMs of the chosen {@link
 * Memory.Style}, read synchronously); each result row of {@code N} accumulators is taken by a
 * serializer that adds the folded bias and requantizes one output per cycle ({@code N} beats per
 * vector, {@code last} on {@code j = N-1}, as {@link LinearBlock}).
 *
 * <p>Per batch: {@code R K} load cycles, {@code K + 1} feed cycles, the array's {@code R + N - 2}
 * flush cycles, then {@code R N} output beats (one per cycle with a ready consumer, 2-cycle
 * requantizer latency); the next batch loads while the array flushes and drains.
 */
public final class LinearSystolicBlock extends Module {

  public final Stream<SInt> in;
  public final Stream<SInt> out;

  public LinearSystolicBlock(Linear golden, int batch, MultiplierKind multiplier, Memory.Style romStyle) {
    int[][] weights = golden.weights();
    long[] bias = golden.foldedBias();
    int k = weights.length;
    int n = bias.length;
    int inBits = golden.input().bits();
    int outBits = golden.requantizer().output().bits();
    int accBits = golden.accumulatorFormat().bits();
    SystolicConfig config = new SystolicConfig(batch, n, golden.input(), golden.weight(), k, multiplier);
    int arrayAccBits = config.accumulator().bits();
    in = bundle("in", p -> new Stream<>(p.flipped(), SInt.of(inBits)));
    out = bundle("out", p -> new Stream<>(p, SInt.of(outBits)));

    List<Mem<SInt>> rowBuffers = new ArrayList<>();
    for (int r = 0; r < batch; r++) {
      rowBuffers.add(mem("x_row_" + r, SInt.of(inBits), k).style(Memory.Style.DISTRIBUTED));
    }
    int kBits = rowBuffers.get(0).addressWidth();
    int rowBits = Widths.indexBits(batch);

    // load: R vectors into the row buffers
    Bool feeding = reg("feeding", Bool.TYPE);
    Bool full = reg("full", Bool.TYPE);
    Bool loading = full.not();
    Bool fire = in.valid.and(loading);
    in.ready.connect(loading);
    UInt loadK = reg("load_k", UInt.of(kBits));
    UInt loadRow = reg("load_row", UInt.of(rowBits));
    Bool lastK = loadK.eq(k - 1);
    Bool lastRow = loadRow.eq(batch - 1);
    for (int r = 0; r < batch; r++) {
      rowBuffers.get(r).write(loadK, in.data, fire.and(loadRow.eq(r)));
    }
    when(fire, () -> {
      loadK.connect(mux(lastK, UInt.lit(0, kBits), loadK.addWrap(1)));
      when(lastK, () -> loadRow.connect(mux(lastRow, UInt.lit(0, rowBits), loadRow.addWrap(1))));
      when(lastK.and(lastRow), () -> full.connect(Bool.lit(true)));
    });

    // feed: K operand beats into the array, the weights one cycle behind their synchronous read
    Systolic array = instance("array", () -> new Systolic(config));
    UInt feedK = reg("feed_k", UInt.of(kBits));
    Bool feedLast = feedK.eq(k - 1);
    when(full.and(feeding.not()).and(array.in.ready), () -> feeding.connect(Bool.lit(true)));
    when(feeding, () -> {
      feedK.connect(mux(feedLast, UInt.lit(0, kBits), feedK.addWrap(1)));
      when(feedLast, () -> {
        feeding.connect(Bool.lit(false));
        full.connect(Bool.lit(false));
      });
    });
    Bool beatValid = regNext("beat_valid", feeding);
    Bool beatLast = regNext("beat_last", feeding.and(feedLast));
    UInt beatK = regNext("beat_k", feedK);
    for (int r = 0; r < batch; r++) {
      array.in.a.get(r).connect(rowBuffers.get(r).read(beatK));
    }
    for (int j = 0; j < n; j++) {
      long[] column = new long[k];
      for (int kk = 0; kk < k; kk++) {
        column[kk] = weights[kk][j];
      }
      array.in.b.get(j).connect(RegisteredRom.read("w_column_" + j, golden.weight().bits(), column, feedK,
          Bool.lit(true), romStyle));
    }
    array.in.valid.connect(beatValid);
    array.in.last.connect(beatLast);

    // serialize: take a result row, add the bias, requantize one lane per cycle
    int laneBits = Widths.indexBits(n);
    Bool holding = reg("holding", Bool.TYPE);
    UInt lane = reg("lane", UInt.of(laneBits));
    List<SInt> held = new ArrayList<>();
    Bool take = array.out.valid.and(holding.not());
    array.out.ready.connect(holding.not());
    for (int j = 0; j < n; j++) {
      SInt r = reg("row_" + j, SInt.of(arrayAccBits));
      SInt result = array.out.data.get(j);
      when(take, () -> r.connect(result));
      held.add(r);
    }
    SInt biasValue = rom("bias", SInt.of(Widths.signedBitsOf(bias)),
        bias).read(lane);
    SInt acc = Vec.of(held).get(lane).resize(accBits).add(biasValue).resize(accBits);
    Bool lastLane = lane.eq(n - 1);
    StreamPipeline pipeline = new StreamPipeline(holding, lastLane, out.ready, 2);
    Bool sent = holding.and(pipeline.advance());
    when(take, () -> {
      holding.connect(Bool.lit(true));
      lane.connect(UInt.lit(0, laneBits));
    });
    when(sent, () -> {
      lane.connect(mux(lastLane, UInt.lit(0, laneBits), lane.addWrap(1)));
      when(lastLane, () -> holding.connect(Bool.lit(false)));
    });
    RequantDatapath requant = new RequantDatapath(golden.requantizer());
    SInt product = pipeline.stage("product_1", requant.multiply(acc));
    out.data.connect(pipeline.stage("result_2", requant.finish(product, outBits)));
    out.valid.connect(pipeline.outValid());
    out.last.connect(pipeline.outLast());
  }

  @Override
  protected String moduleName() {
    return "LinearSystolic";
  }
}
