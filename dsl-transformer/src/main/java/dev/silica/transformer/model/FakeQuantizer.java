package dev.silica.transformer.model;

import dev.silica.transformer.golden.IntFormat;
import dev.silica.transformer.golden.QuantSpec;
import java.util.function.IntFunction;

/**
 * One activation quantization point of quantization-aware training. It observes the running range
 * of what flows through it (a moving average of each batch's min and max, like PyTorch's
 * moving-average min/max observer) and replaces each value by its dequantized code under the
 * asymmetric signed per-tensor {@link QuantSpec} of that range; the backward pass is the clipped
 * straight-through estimator (gradient passes where the code did not saturate). A quantizer may
 * instead have a fixed spec (softmax probabilities) or share another's (pooling keeps its input's).
 * Disabled, it is the identity (float training).
 */
public final class FakeQuantizer {

  /** How much of a new batch's range enters the running range. */
  static final float AVERAGING = 0.01f;

  private final String name;
  private final FakeQuantizer shared;
  private final IntFunction<QuantSpec> fixed;
  private int bits;
  private boolean enabled;
  private boolean observing;
  private boolean initialized;
  private float min;
  private float max;
  private boolean[] passes = new boolean[0];

  private FakeQuantizer(String name, FakeQuantizer shared, IntFunction<QuantSpec> fixed) {
    this.name = name;
    this.shared = shared;
    this.fixed = fixed;
  }

  /** A quantizer with its own running range. */
  static FakeQuantizer observed(String name) {
    return new FakeQuantizer(name, null, null);
  }

  /** A quantizer that uses {@code other}'s spec. */
  static FakeQuantizer sharing(String name, FakeQuantizer other) {
    return new FakeQuantizer(name, other, null);
  }

  /** A quantizer whose spec depends on the width only: {@code spec.apply(bits)}. */
  static FakeQuantizer fixed(String name, IntFunction<QuantSpec> spec) {
    return new FakeQuantizer(name, null, spec);
  }

  public String name() {
    return name;
  }

  /** Turns quantization on at {@code bits} bits; {@code observing} updates the range from each batch. */
  void enable(int bits, boolean observing) {
    this.bits = bits;
    this.enabled = true;
    this.observing = observing && shared == null && fixed == null;
  }

  void setObserving(boolean observing) {
    this.observing = observing && shared == null && fixed == null && enabled;
  }

  void disable() {
    enabled = false;
  }

  public boolean enabled() {
    return enabled;
  }

  /** The running range, for export and checkpoints. */
  public float[] range() {
    return new float[] {min, max};
  }

  void setRange(float min, float max) {
    this.min = min;
    this.max = max;
    this.initialized = true;
  }

  /** The current spec (needs at least one observed batch or a restored range). */
  public QuantSpec spec() {
    if (fixed != null) {
      return fixed.apply(bits);
    }
    if (shared != null) {
      return shared.spec();
    }
    if (!initialized) {
      throw new IllegalStateException("quantizer " + name + " has observed nothing yet");
    }
    return QuantSpec.fromRange(min, max > min ? max : min + 1e-6f, IntFormat.signed(bits));
  }

  /** The fake-quantized {@code x} (a new array), or {@code x} itself when disabled. */
  float[] forward(float[] x) {
    if (!enabled) {
      return x;
    }
    if (observing) {
      observe(x);
    }
    QuantSpec spec = spec();
    float[] y = new float[x.length];
    if (passes.length != x.length) {
      passes = new boolean[x.length];
    }
    long lo = spec.format().min();
    long hi = spec.format().max();
    double scale = spec.scale();
    int zp = spec.zeroPoint();
    for (int i = 0; i < x.length; i++) {
      double code = Math.rint(x[i] / scale) + zp;
      passes[i] = code >= lo && code <= hi;
      y[i] = (float) spec.dequantize(spec.quantize(x[i]));
    }
    return y;
  }

  /**
   * {@code x + addend} on the grid: the code of {@code x}, plus {@code addend} rounded to whole
   * codes of the same scale, saturated, dequantized (the golden positional-encoding add after a
   * requantization); the running range observes {@code x + addend}. Disabled: {@code x + addend}.
   */
  float[] forwardPlusCodes(float[] x, float[] addend) {
    float[] sum = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      sum[i] = x[i] + addend[i];
    }
    if (!enabled) {
      return sum;
    }
    if (observing) {
      observe(sum);
    }
    QuantSpec spec = spec();
    if (passes.length != x.length) {
      passes = new boolean[x.length];
    }
    float[] y = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      long code = spec.quantize(x[i]);
      long offset = Math.round(addend[i] / spec.scale());
      long total = code + offset;
      long saturated = spec.format().saturate(total);
      double raw = Math.rint(x[i] / spec.scale()) + spec.zeroPoint();
      passes[i] = saturated == total && raw >= spec.format().min() && raw <= spec.format().max();
      y[i] = (float) spec.dequantize(saturated);
    }
    return y;
  }

  /** The straight-through gradient: {@code dy} where the forward code did not saturate, else 0. */
  float[] backward(float[] dy) {
    if (!enabled) {
      return dy;
    }
    float[] dx = new float[dy.length];
    for (int i = 0; i < dy.length; i++) {
      dx[i] = passes[i] ? dy[i] : 0f;
    }
    return dx;
  }

  private void observe(float[] x) {
    float lo = Float.POSITIVE_INFINITY;
    float hi = Float.NEGATIVE_INFINITY;
    for (float v : x) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (!initialized) {
      setRange(lo, hi);
    } else {
      min += AVERAGING * (lo - min);
      max += AVERAGING * (hi - max);
    }
  }
}
