package dev.silica.transformer.model;

import com.google.common.base.Preconditions;
import dev.silica.transformer.golden.QuantSpec;
import java.util.List;
import java.util.Random;

/**
 * A linear layer applied to every channel vector of a sequence, {@code y = x W + b} with {@code W}
 * of {@code in x out} (row-major). In quantized modes the weights are fake-quantized symmetric per
 * tensor and the bias at the accumulator scale of the input's spec, with straight-through
 * gradients to the float weights.
 *
 * <p>The weight scale is {@code max|W| / (2^(b-1) - 1)} until {@link #learnWeightScale} makes it a
 * trained parameter ({@code <name>.weightScale}, zero while unused), LSQ's learned step size {@code
 * S}: started where the rounding error of the weights is least, it receives {@code round(w/S) -
 * w/S} times each in-range weight's gradient and the clamped code times each clamped one's, while
 * clamped weights receive none. (LSQ's gradient scale is left out: Adam is invariant to a constant
 * factor on a tensor's gradient.)
 */
public final class Dense {

  private final String name;
  private final int in;
  private final int out;
  private final Param weight;
  private final Param bias;
  private final Param weightScale;
  private FakeQuant input;
  private int bits;
  private Tensor lastInput;
  private double[] lastWeights;
  private boolean lastScaleLearning;

  /** A layer with Glorot-uniform weights drawn from {@code random} and zero bias. */
  public Dense(String name, int in, int out, Random random) {
    Preconditions.checkArgument(in >= 1 && out >= 1, "dense layer needs positive sizes");
    this.name = name;
    this.in = in;
    this.out = out;
    this.weight = Param.trainable(name + ".weight", in * out);
    this.bias = Param.trainable(name + ".bias", out);
    this.weightScale = Param.optional(name + ".weightScale", 1);
    double limit = Math.sqrt(6.0 / (in + out));
    double[] w = weight.value();
    for (int i = 0; i < w.length; i++) {
      w[i] = (2 * random.nextDouble() - 1) * limit;
    }
  }

  /** Enables fake quantization at {@code bits}, biases at the accumulator scale of {@code input}'s spec. */
  void quantize(int bits, FakeQuant input) {
    this.bits = bits;
    this.input = input;
  }

  /** The weight spec in quantized modes. */
  public QuantSpec weightSpec() {
    double learned = weightScale.value()[0];
    return learned > 0 ? QuantSpec.symmetric(learned, bits) : Quantization.weightSpec(weight.value(), bits);
  }

  /** Makes the weight scale a trained parameter, starting from the least-rounding-error scale of the weights. */
  void learnWeightScale() {
    Preconditions.checkState(bits > 0, "%s: quantization is not enabled", name);
    weightScale.value()[0] = Quantization.leastErrorWeightScale(weight.value(), bits);
  }

  /** The bias spec in quantized modes. */
  public QuantSpec biasSpec() {
    return Quantization.biasSpec(input.spec(), weightSpec());
  }

  Tensor forward(Tensor x, Mode mode) {
    Preconditions.checkArgument(x.channels() == in, "expected %s channels, got %s", in, x.channels());
    double[] w = weight.value();
    double[] b = bias.value();
    lastScaleLearning = mode.quantized() && mode.training() && weightScale.value()[0] > 0;
    if (mode.quantized()) {
      w = Quantization.fake(weightSpec(), w);
      b = Quantization.fake(biasSpec(), b);
    }
    lastInput = x;
    lastWeights = w;
    double[] xs = x.data();
    double[] ys = new double[x.rows() * out];
    double[] weights = w;
    double[] biases = b;
    Shards.run(x.rows(), (shard, from, to) -> {
      for (int r = from; r < to; r++) {
        int yo = r * out;
        System.arraycopy(biases, 0, ys, yo, out);
        for (int k = 0; k < in; k++) {
          double xv = xs[r * in + k];
          int wo = k * out;
          for (int j = 0; j < out; j++) {
            ys[yo + j] += xv * weights[wo + j];
          }
        }
      }
    });
    return new Tensor(x.batch(), x.steps(), out, ys);
  }

  /** Accumulates the parameter gradients and returns the input gradient. */
  Tensor backward(Tensor dy) {
    double[] xs = lastInput.data();
    double[] gs = dy.data();
    double[] w = lastWeights;
    double[] dx = new double[lastInput.rows() * in];
    double[][] dw = new double[Shards.COUNT][];
    double[][] db = new double[Shards.COUNT][];
    Shards.run(lastInput.rows(), (shard, from, to) -> {
      double[] dwShard = new double[in * out];
      double[] dbShard = new double[out];
      for (int r = from; r < to; r++) {
        int go = r * out;
        for (int j = 0; j < out; j++) {
          dbShard[j] += gs[go + j];
        }
        for (int k = 0; k < in; k++) {
          double xv = xs[r * in + k];
          int wo = k * out;
          double sum = 0;
          for (int j = 0; j < out; j++) {
            double g = gs[go + j];
            sum += g * w[wo + j];
            dwShard[wo + j] += xv * g;
          }
          dx[r * in + k] = sum;
        }
      }
      dw[shard] = dwShard;
      db[shard] = dbShard;
    });
    if (lastScaleLearning) {
      double[] dWeights = new double[in * out];
      Shards.reduceInto(dw, dWeights);
      accumulateScaleGradient(dWeights);
    } else {
      Shards.reduceInto(dw, weight.grad());
    }
    Shards.reduceInto(db, bias.grad());
    return lastInput.withData(dx);
  }

  /** Passes {@code dWeights}, the gradient of the fake-quantized weights, to the weights and the learned scale. */
  private void accumulateScaleGradient(double[] dWeights) {
    QuantSpec spec = weightSpec();
    double s = spec.scale();
    long low = spec.format().min();
    long high = spec.format().max();
    double[] w = weight.value();
    double[] dw = weight.grad();
    double ds = 0;
    for (int i = 0; i < w.length; i++) {
      double code = w[i] / s;
      if (code < low) {
        ds += dWeights[i] * low;
      } else if (code > high) {
        ds += dWeights[i] * high;
      } else {
        dw[i] += dWeights[i];
        ds += dWeights[i] * (spec.quantize(w[i]) - code);
      }
    }
    weightScale.grad()[0] += ds;
  }

  /** The layer's name, the prefix of its parameters' names. */
  public String name() {
    return name;
  }

  public int in() {
    return in;
  }

  public int out() {
    return out;
  }

  public Param weight() {
    return weight;
  }

  public Param bias() {
    return bias;
  }

  /** The learned weight scale, zero while the max-abs rule sets it. */
  public Param weightScale() {
    return weightScale;
  }

  List<Param> params() {
    return List.of(weight, bias, weightScale);
  }
}
