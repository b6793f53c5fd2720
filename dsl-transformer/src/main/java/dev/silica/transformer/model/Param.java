package dev.silica.transformer.model;

/** A trainable tensor: its values and the gradient accumulated by the last backward pass. */
public final class Param {

  private final String name;
  final float[] value;
  final float[] grad;

  Param(String name, int size) {
    this.name = name;
    this.value = new float[size];
    this.grad = new float[size];
  }

  public String name() {
    return name;
  }

  /** The values (live: training updates them in place). */
  public float[] value() {
    return value;
  }

  public int size() {
    return value.length;
  }

  void zeroGrad() {
    java.util.Arrays.fill(grad, 0f);
  }
}
