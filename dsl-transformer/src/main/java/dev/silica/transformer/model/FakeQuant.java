package dev.silica.transformer.model;

import com.google.common.base.Preconditions;
import dev.silica.transformer.golden.QuantSpec;

/**
 * Fake quantization of one activation tensor for quantization-aware training: in quantized modes
 * the values are rounded to the codes of the tensor's {@link QuantSpec} and returned as reals; the
 * backward pass is the straight-through estimator, passing the gradient where the input lies
 * within the representable range and zero where it was clamped. In float modes it is the identity.
 *
 * <p>Two kinds: an <em>observed</em> tensor tracks its range with a running min/max (an
 * exponential moving average of each training batch's extremes, saved as state); softmax
 * <em>probabilities</em> use the fixed unsigned spec of {@link Quantization#probabilitySpec}.
 *
 * <p>Once {@link #learnRange}d, an observed tensor stops observing and its range becomes a trained
 * parameter, LSQ+'s learned step size and offset written as the range's two ends: with {@code u =
 * x / S + Z} the real code of {@code x} and {@code N = 2^b - 1} steps, an element clamped below
 * passes its gradient to the low end, one clamped above to the high end, and one inside passes
 * {@code (round(u) - u) / N} times its gradient to the high end and the negative to the low end
 * (the derivative of {@code S round(u) - S Z} in {@code S = (high - low) / N} with the rounding
 * passed straight through). The spec stays TFLite's choice for the range, so training and the
 * integer export keep deriving identical codes from one state. LSQ's gradient scale is left out:
 * the optimizer is Adam, which is invariant to a constant factor on a tensor's gradient.
 *
 * <p>Where integer inference computes a tensor by a golden block on codes (positional encoding,
 * softmax, residual add), QAT does too and {@link #substitute}s the block's values for the rounded
 * ones, keeping the straight-through mask. The last forward's output stays readable ({@link
 * #lastOutput}) for comparing QAT block by block with integer inference.
 */
public final class FakeQuant {

  /** The weight of a new batch's extremes in the running range. */
  static final double MOMENTUM = 0.05;

  private enum Kind { OBSERVED, PROBABILITY }

  private final String name;
  private final Kind kind;
  private final Param range;
  private int bits;
  private boolean learned;
  private boolean[] inRange;
  private double[] lastInput;
  private double[] lastOutput;

  private FakeQuant(String name, Kind kind) {
    this.name = name;
    this.kind = kind;
    this.range = kind == Kind.OBSERVED ? Param.trainable(name + ".range", 3) : null;
  }

  /** A tensor with its own running min/max observer. */
  public static FakeQuant observed(String name) {
    return new FakeQuant(name, Kind.OBSERVED);
  }

  /** Softmax probabilities. */
  public static FakeQuant probabilities(String name) {
    return new FakeQuant(name, Kind.PROBABILITY);
  }

  /** Sets the code width used in quantized modes. */
  void setBits(int bits) {
    Preconditions.checkArgument(bits >= 2 && bits <= 16, "bits must be 2..16, got %s", bits);
    this.bits = bits;
  }

  /** The tensor's current spec; needs {@link #setBits} and, for an observed tensor, observed data. */
  public QuantSpec spec() {
    Preconditions.checkState(bits > 0, "%s: quantization is not enabled", name);
    if (kind == Kind.PROBABILITY) {
      return Quantization.probabilitySpec(bits);
    }
    double[] r = range.value();
    Preconditions.checkState(r[2] > 0, "%s: the observer has seen no data", name);
    return Quantization.activationSpec(r[0], r[1], bits);
  }

  /**
   * Makes an observed tensor's range a trained parameter from now on (its observer must have seen
   * data); probabilities keep their fixed spec.
   */
  void learnRange() {
    if (kind == Kind.OBSERVED) {
      Preconditions.checkState(range.value()[2] > 0, "%s: the observer has seen no data", name);
      learned = true;
    }
  }

  /** The observer's state (min, max, seen flag), or null for probabilities; trained once {@link #learnRange}d. */
  Param rangeState() {
    return range;
  }

  /** Observes (when QAT training) and fake-quantizes {@code values}; identity in float modes. */
  double[] forward(double[] values, Mode mode) {
    if (!mode.quantized()) {
      inRange = null;
      lastOutput = values;
      return values;
    }
    if (mode.training() && kind == Kind.OBSERVED && !learned) {
      observe(values);
    }
    QuantSpec spec = spec();
    lastInput = learned && mode.training() ? values : null;
    double low = spec.dequantize(spec.format().min());
    double high = spec.dequantize(spec.format().max());
    double[] result = new double[values.length];
    inRange = new boolean[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = Quantization.fake(spec, values[i]);
      inRange[i] = values[i] >= low && values[i] <= high;
    }
    lastOutput = result;
    return result;
  }

  /**
   * Takes {@code values}, computed on this tensor's codes by a golden block, as the output of the
   * last forward in place of its rounding; the backward pass keeps that forward's mask.
   */
  double[] substitute(double[] values) {
    lastOutput = values;
    return values;
  }

  /** The output of the last forward (or {@link #substitute}). */
  double[] lastOutput() {
    return lastOutput;
  }

  /**
   * The straight-through gradient of the last forward pass; after a training forward of a learned
   * range, also accumulates the range's gradient.
   */
  double[] backward(double[] gradient) {
    if (inRange == null) {
      return gradient;
    }
    if (lastInput != null) {
      accumulateRangeGradient(gradient);
    }
    double[] result = new double[gradient.length];
    for (int i = 0; i < gradient.length; i++) {
      result[i] = inRange[i] ? gradient[i] : 0;
    }
    return result;
  }

  private void accumulateRangeGradient(double[] gradient) {
    QuantSpec spec = spec();
    double steps = spec.format().max() - spec.format().min();
    double low = spec.dequantize(spec.format().min());
    double dLow = 0;
    double dHigh = 0;
    for (int i = 0; i < gradient.length; i++) {
      double x = lastInput[i];
      if (inRange[i]) {
        double code = x / spec.scale() + spec.zeroPoint();
        double rounding = (spec.quantize(x) - code) / steps;
        dHigh += gradient[i] * rounding;
        dLow -= gradient[i] * rounding;
      } else if (x < low) {
        dLow += gradient[i];
      } else {
        dHigh += gradient[i];
      }
    }
    range.grad()[0] += dLow;
    range.grad()[1] += dHigh;
  }

  private void observe(double[] values) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double[] r = range.value();
    if (r[2] == 0) {
      r[0] = min;
      r[1] = max;
      r[2] = 1;
    } else {
      r[0] += MOMENTUM * (min - r[0]);
      r[1] += MOMENTUM * (max - r[1]);
    }
  }

  public String name() {
    return name;
  }
}
