package dev.silica.transformer.model;

import com.google.common.base.Preconditions;
import dev.silica.transformer.golden.QuantSpec;
import java.util.Random;

/**
 * A fully connected layer {@code y = x W + b} applied to every row of a row-major {@code rows x in}
 * matrix; {@code W} is {@code in x out}. For quantization-aware training it can compute with
 * fake-quantized parameters (weights symmetric signed per tensor, bias symmetric at the
 * accumulator scale {@code S_x S_w}, as the golden {@code Linear} holds them) while gradients
 * update the float parameters (straight-through).
 */
public final class Dense {

  private final int in;
  private final int out;
  final Param weight;
  final Param bias;
  private float[] activeWeight;
  private float[] activeBias;
  private float[] input;

  Dense(String name, int in, int out, Random random) {
    this.in = in;
    this.out = out;
    this.weight = new Param(name + ".weight", in * out);
    this.bias = new Param(name + ".bias", out);
    float limit = (float) Math.sqrt(6.0 / (in + out));
    for (int i = 0; i < weight.value.length; i++) {
      weight.value[i] = (random.nextFloat() * 2 - 1) * limit;
    }
    useFloatParameters();
  }

  public int in() {
    return in;
  }

  public int out() {
    return out;
  }

  /** Computes with the float parameters. */
  void useFloatParameters() {
    activeWeight = weight.value;
    activeBias = bias.value;
  }

  /** Computes with parameters fake-quantized for an input quantized by {@code input}. */
  void useQuantizedParameters(int bits, QuantSpec input) {
    QuantSpec w = weightSpec(bits);
    activeWeight = new float[weight.value.length];
    for (int i = 0; i < activeWeight.length; i++) {
      activeWeight[i] = (float) w.dequantize(w.quantize(weight.value[i]));
    }
    double accumulatorScale = input.scale() * w.scale();
    activeBias = new float[out];
    for (int j = 0; j < out; j++) {
      activeBias[j] = (float) (Math.rint(bias.value[j] / accumulatorScale) * accumulatorScale);
    }
  }

  /** The symmetric per-tensor weight spec at {@code bits} bits. */
  QuantSpec weightSpec(int bits) {
    float maxAbs = 0;
    for (float w : weight.value) {
      maxAbs = Math.max(maxAbs, Math.abs(w));
    }
    return QuantSpec.symmetricFromMaxAbs(Math.max(maxAbs, 1e-8f), bits);
  }

  float[] forward(float[] x) {
    Preconditions.checkArgument(x.length % in == 0, "input length %s is not a multiple of %s", x.length, in);
    input = x;
    int rows = x.length / in;
    float[] y = new float[rows * out];
    float[] w = activeWeight;
    float[] b = activeBias;
    Parallel.forRange(rows, (from, to) -> {
      for (int r = from; r < to; r++) {
        int yo = r * out;
        System.arraycopy(b, 0, y, yo, out);
        for (int k = 0; k < in; k++) {
          float xv = x[r * in + k];
          int wo = k * out;
          for (int j = 0; j < out; j++) {
            y[yo + j] += xv * w[wo + j];
          }
        }
      }
    });
    return y;
  }

  /** Accumulates the parameter gradients and returns {@code dL/dx}. */
  float[] backward(float[] dy) {
    int rows = dy.length / out;
    float[] x = input;
    float[] w = activeWeight;
    float[] dx = new float[rows * in];
    Parallel.forRange(rows, (from, to) -> {
      for (int r = from; r < to; r++) {
        for (int k = 0; k < in; k++) {
          float sum = 0;
          int wo = k * out;
          for (int j = 0; j < out; j++) {
            sum += dy[r * out + j] * w[wo + j];
          }
          dx[r * in + k] = sum;
        }
      }
    });
    float[] dw = weight.grad;
    Parallel.forRange(in, (from, to) -> {
      for (int k = from; k < to; k++) {
        int wo = k * out;
        for (int r = 0; r < rows; r++) {
          float xv = x[r * in + k];
          for (int j = 0; j < out; j++) {
            dw[wo + j] += xv * dy[r * out + j];
          }
        }
      }
    });
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < out; j++) {
        bias.grad[j] += dy[r * out + j];
      }
    }
    return dx;
  }
}
