package dev.silica.transformer.model;

import dev.silica.transformer.data.WindowSet;
import dev.silica.transformer.golden.QuantSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Integer-only inference against the fake-quantized QAT model, block by block, over the first test
 * windows: for every tensor of {@link IntegerForecaster#trace}, how many of its integer codes
 * differ from the codes of the QAT model's value of the same tensor, and in how many windows the
 * head's accumulators (the predictions) agree. The first block with differences is where the two
 * arithmetics part; later blocks inherit its differences.
 *
 * @param windows windows compared
 * @param blocks per-block counts, in pipeline order, the head's accumulator last
 * @param identicalPredictions windows whose integer prediction equals the QAT prediction
 */
public record BlockComparison(int windows, List<Block> blocks, int identicalPredictions) {

  /**
   * One block's counts over every compared window.
   *
   * @param name the tensor's name
   * @param values values compared
   * @param differing values whose integer code differs from the QAT code
   */
  public record Block(String name, long values, long differing) {}

  public BlockComparison {
    blocks = List.copyOf(blocks);
  }

  /** Compares the first {@code windows} windows of {@code set} (all of them if there are fewer). */
  public static BlockComparison compare(TrainedModel model, WindowSet set, int windows) {
    if (!model.isQuantized()) {
      throw new IllegalArgumentException("a float-only model has no integer inference to compare");
    }
    int count = Math.min(windows, set.count());
    int[] indices = IntStream.range(0, count).toArray();
    ForecastModel qat = model.qatModel();
    double[] predictions = qat.forward(Batches.inputs(set, indices, 0, count), Mode.QAT_INFERENCE);
    Map<String, FakeQuant> quantizers = qat.fakeQuants();
    IntegerForecaster forecaster = new IntegerForecaster(model.quantized());
    Map<String, long[]> totals = new LinkedHashMap<>();
    int identical = 0;
    double[] window = new double[set.window() * set.features()];
    for (int w = 0; w < count; w++) {
      set.copyWindow(w, window, 0);
      Map<String, long[]> trace = forecaster.trace(forecaster.inputCodes(window));
      for (Map.Entry<String, long[]> block : trace.entrySet()) {
        long[] integer = block.getValue();
        long differing;
        if (block.getKey().equals(IntegerForecaster.HEAD_ACCUMULATOR)) {
          differing = Math.round(predictions[w] / forecaster.accumulatorScale()) == integer[0] ? 0 : 1;
          identical += 1 - (int) differing;
        } else {
          differing = differing(quantizers.get(block.getKey()), w, integer);
        }
        long[] total = totals.computeIfAbsent(block.getKey(), k -> new long[2]);
        total[0] += integer.length;
        total[1] += differing;
      }
    }
    List<Block> blocks = new ArrayList<>();
    totals.forEach((name, total) -> blocks.add(new Block(name, total[0], total[1])));
    return new BlockComparison(count, blocks, identical);
  }

  /** How many of window {@code w}'s codes of {@code quantizer}'s last (batched) output differ from {@code integer}. */
  private static long differing(FakeQuant quantizer, int w, long[] integer) {
    double[] values = quantizer.lastOutput();
    QuantSpec spec = quantizer.spec();
    long differing = 0;
    for (int i = 0; i < integer.length; i++) {
      if (spec.quantize(values[w * integer.length + i]) != integer[i]) {
        differing++;
      }
    }
    return differing;
  }

  /** The share of windows whose integer prediction equals the QAT prediction. */
  public double identicalShare() {
    return windows == 0 ? 0 : (double) identicalPredictions / windows;
  }

  /** The report {@code silica evaluate --blocks} prints. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(String.format("integer vs QAT by block, first %d test windows:", windows));
    for (Block b : blocks) {
      lines.add(String.format("  %-32s %8d of %9d values differ", b.name(), b.differing(), b.values()));
    }
    lines.add(String.format("integer prediction equals QAT prediction in %d of %d windows (%.2f%%)",
        identicalPredictions, windows, 100 * identicalShare()));
    return lines;
  }
}
