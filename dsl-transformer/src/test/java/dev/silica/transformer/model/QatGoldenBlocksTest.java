package dev.silica.transformer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.transformer.data.ForecastData;
import dev.silica.transformer.golden.FoldedBatchNorm;
import dev.silica.transformer.golden.IntSoftmax;
import dev.silica.transformer.golden.QuantSpec;
import dev.silica.transformer.golden.ResidualAdd;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The blocks QAT computes on codes by the golden models integer inference uses (softmax, residual
 * add, folded BatchNorm), and the block comparison that finds where the two arithmetics part.
 */
class QatGoldenBlocksTest {

  private static Tensor random(Random random, int batch, int steps, int channels, double scale) {
    double[] data = new double[batch * steps * channels];
    for (int i = 0; i < data.length; i++) {
      data[i] = scale * random.nextGaussian();
    }
    return new Tensor(batch, steps, channels, data);
  }

  /** A 4-bit layer of width 8 with two heads, its observers filled by one QAT training pass over {@code x}. */
  private static EncoderLayer observedLayer(FakeQuant input, Tensor x) {
    return observedLayer(input, x, 4);
  }

  /** A {@code bits}-bit layer of width 8 with two heads, its observers filled by one QAT training pass over {@code x}. */
  private static EncoderLayer observedLayer(FakeQuant input, Tensor x, int bits) {
    EncoderLayer layer = new EncoderLayer("layer0", 8, 2, 2, new Random(3));
    input.setBits(bits);
    layer.quantize(bits, 6, input);
    layer.forward(EncoderLayer.fq(input, x, Mode.QAT_TRAINING), Mode.QAT_TRAINING);
    return layer;
  }

  @Test
  void qatProbabilitiesAreTheGoldenIntegerSoftmaxOfTheScoreCodes() {
    Random random = new Random(1);
    FakeQuant input = FakeQuant.observed("input");
    Tensor x = random(random, 3, 5, 8, 1.5);
    EncoderLayer layer = observedLayer(input, x);
    layer.forward(EncoderLayer.fq(input, x, Mode.QAT_INFERENCE), Mode.QAT_INFERENCE);

    QuantSpec scoreSpec = layer.attention().scores().spec();
    QuantSpec probabilitySpec = layer.attention().probabilities().spec();
    IntSoftmax golden = Quantization.softmax(scoreSpec, 6, 5);
    double[] scores = layer.attention().scores().lastOutput();
    double[] probabilities = layer.attention().probabilities().lastOutput();
    for (int row = 0; row < scores.length / 5; row++) {
      int[] codes = new int[5];
      int[] used = new int[5];
      for (int j = 0; j < 5; j++) {
        codes[j] = scoreSpec.quantize(scores[row * 5 + j]);
        used[j] = probabilitySpec.quantize(probabilities[row * 5 + j]);
      }
      assertArrayEquals(golden.apply(codes), used, "row " + row);
    }
  }

  @Test
  void qatResidualSumsAreTheGoldenSingleRoundingAddOfTheOperandCodes() {
    Random random = new Random(2);
    FakeQuant input = FakeQuant.observed("input");
    Tensor x = random(random, 3, 5, 8, 1.5);
    EncoderLayer layer = observedLayer(input, x);
    double[] in = EncoderLayer.fq(input, x, Mode.QAT_INFERENCE).data();
    layer.forward(new Tensor(3, 5, 8, in), Mode.QAT_INFERENCE);

    QuantSpec a = input.spec();
    QuantSpec b = layer.attentionOut().spec();
    QuantSpec sum = layer.residual1().spec();
    ResidualAdd golden = ResidualAdd.singleRounding(a, b, sum, Quantization.RESIDUAL_GUARD_BITS);
    double[] attention = layer.attentionOut().lastOutput();
    double[] residual = layer.residual1().lastOutput();
    for (int i = 0; i < in.length; i++) {
      assertEquals(golden.apply(a.quantize(in[i]), b.quantize(attention[i])), sum.quantize(residual[i]), "value " + i);
    }
  }

  /**
   * Moves channel 0's beta of {@code norm} until its float output for input code {@code code} and
   * its fold round to different codes of {@code out}, the float value lying within a hair of a
   * rounding tie; returns the fold's code, or fails if no such beta is near.
   */
  private static int betaWhereFloatAndFoldDisagree(BatchNorm norm, int code, QuantSpec in, QuantSpec out) {
    double[] beta = norm.params().get(1).value();
    double floatWithoutBeta = FoldedBatchNorm.reference(in.dequantize(code), 0, norm.toParams()) - beta[0];
    double tie = out.dequantize(out.zeroPoint() + 3) + out.scale() / 2;
    for (int j = -1000; j <= 1000; j++) {
      beta[0] = tie - floatWithoutBeta + j * 1e-10 * out.scale();
      int fold = Quantization.foldedNorm(norm.toParams(), in, out).apply(code, 0);
      if (fold != out.quantize(FoldedBatchNorm.reference(in.dequantize(code), 0, norm.toParams()))) {
        return fold;
      }
    }
    throw new AssertionError("the float BatchNorm and its fold agree beside this tie");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Mode.class, names = {"QAT_TRAINING", "QAT_INFERENCE"})
  void withRunningStatisticsQatNormalizesByTheFoldedIntegerBatchNormWhereTheFloatOneRoundsOtherwise(Mode mode) {
    Random random = new Random(4);
    FakeQuant input = FakeQuant.observed("input");
    Tensor x = random(random, 3, 5, 8, 1.5);
    EncoderLayer layer = observedLayer(input, x, 8);
    input.learnRange();
    layer.learnScales();
    layer.freezeNorms();
    Tensor in = EncoderLayer.fq(input, x, Mode.QAT_INFERENCE);
    layer.forward(in, Mode.QAT_INFERENCE);
    QuantSpec residual = layer.residual1().spec();
    QuantSpec normalized = layer.norm1Out().spec();
    int firstCode = residual.quantize(layer.residual1().lastOutput()[0]);
    int expected = betaWhereFloatAndFoldDisagree(layer.norm1(), firstCode, residual, normalized);

    layer.forward(in, mode);

    FoldedBatchNorm folded = Quantization.foldedNorm(layer.norm1().toParams(), residual, normalized);
    double[] sums = layer.residual1().lastOutput();
    double[] outputs = layer.norm1Out().lastOutput();
    assertEquals(expected, normalized.quantize(outputs[0]));
    for (int i = 0; i < sums.length; i++) {
      assertEquals(folded.apply(residual.quantize(sums[i]), i % 8), normalized.quantize(outputs[i]), "value " + i);
    }
  }

  @Test
  void theBlockComparisonFindsTheFirstBlockWhoseIntegersWereChanged() {
    ForecastData data = TinyData.load(6, 600);
    TrainedModel trained = TinyData.trained(data, TinyData.config(4, 1, 1).withShape(1, 2));
    QuantizedModel q = trained.quantized();
    Map<String, long[]> constants = new HashMap<>(q.constants());
    long[] offsets = constants.get("layer0.norm1.offsets").clone();
    offsets[0] += 3L << constants.get("layer0.norm1.shift")[0];
    constants.put("layer0.norm1.offsets", offsets);
    TrainedModel tampered = new TrainedModel(trained.dataset(), trained.config(), trained.bits(),
        trained.probabilityBits(), trained.summary(), trained.floatState(), trained.qatState(),
        new QuantizedModel(q.config(), q.bits(), q.probabilityBits(), q.tensors(), q.dense(), constants));

    BlockComparison comparison = BlockComparison.compare(tampered, data.test(), 16);

    List<String> names = comparison.blocks().stream().map(BlockComparison.Block::name).toList();
    int changed = names.indexOf("layer0.norm1.out");
    assertTrue(comparison.blocks().get(changed).differing() > 0, "the shifted channel differs");
    for (BlockComparison.Block block : comparison.blocks().subList(0, changed)) {
      assertEquals(0, block.differing(), block.name() + " comes before the change");
    }
    assertEquals(16, comparison.windows());
  }
}
