package dev.silica.transformer.model;

import com.google.common.base.Preconditions;

/**
 * A named array of model state: a trainable tensor with its gradient, or a non-trainable buffer
 * (BatchNorm running statistics, an observer's range) that is saved and restored with the model.
 */
public final class Param {

  private final String name;
  private final double[] value;
  private final double[] grad;
  private final boolean optional;

  private Param(String name, double[] value, double[] grad, boolean optional) {
    this.name = name;
    this.value = value;
    this.grad = grad;
    this.optional = optional;
  }

  /** A trainable tensor of {@code size} values, all zero. */
  public static Param trainable(String name, int size) {
    return new Param(name, new double[size], new double[size], false);
  }

  /**
   * A trainable tensor of {@code size} values, all zero, that model files written before it existed
   * lack: reading such a file leaves it zero, which its owner must read as "not in use".
   */
  public static Param optional(String name, int size) {
    return new Param(name, new double[size], new double[size], true);
  }

  /** A buffer of {@code size} values that training updates without a gradient. */
  public static Param buffer(String name, int size) {
    return new Param(name, new double[size], null, false);
  }

  public String name() {
    return name;
  }

  /** The live values (not a copy). */
  public double[] value() {
    return value;
  }

  /** The live gradient (not a copy); only for trainable tensors. */
  public double[] grad() {
    Preconditions.checkState(grad != null, "%s is not trainable", name);
    return grad;
  }

  public boolean isTrainable() {
    return grad != null;
  }

  /** Whether a model file may lack this tensor ({@link #optional}). */
  public boolean isOptional() {
    return optional;
  }

  public int size() {
    return value.length;
  }
}
