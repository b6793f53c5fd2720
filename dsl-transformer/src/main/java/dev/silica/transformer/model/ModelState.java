package dev.silica.transformer.model;

import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A snapshot of everything a {@link Forecaster} learned: parameters, BatchNorm running statistics
 * and activation ranges, by name. Used to keep the best epoch and to save and load models.
 */
public record ModelState(ImmutableMap<String, float[]> tensors) {

  /** A deep copy of the model's current state. */
  public static ModelState of(Forecaster model) {
    Map<String, float[]> tensors = new LinkedHashMap<>();
    for (Param p : model.params()) {
      tensors.put(p.name(), p.value.clone());
    }
    tensors.put("norm1.runningMean", model.norm1.runningMean.clone());
    tensors.put("norm1.runningVariance", model.norm1.runningVariance.clone());
    tensors.put("norm2.runningMean", model.norm2.runningMean.clone());
    tensors.put("norm2.runningVariance", model.norm2.runningVariance.clone());
    if (model.bits() > 0) {
      for (FakeQuantizer q : model.quantizers()) {
        tensors.put("range." + q.name(), q.range());
      }
    }
    return new ModelState(ImmutableMap.copyOf(tensors));
  }

  /** Copies this state into {@code model}; every tensor must be present with the model's shape. */
  public void restore(Forecaster model) {
    for (Param p : model.params()) {
      copy(p.name(), p.value);
    }
    copy("norm1.runningMean", model.norm1.runningMean);
    copy("norm1.runningVariance", model.norm1.runningVariance);
    copy("norm2.runningMean", model.norm2.runningMean);
    copy("norm2.runningVariance", model.norm2.runningVariance);
    if (model.bits() > 0) {
      for (FakeQuantizer q : model.quantizers()) {
        float[] range = new float[2];
        copy("range." + q.name(), range);
        q.setRange(range[0], range[1]);
      }
    }
  }

  private void copy(String name, float[] destination) {
    float[] source = tensors.get(name);
    if (source == null) {
      throw new ModelFormatException(name, "missing");
    }
    if (source.length != destination.length) {
      throw new ModelFormatException(name, "expected " + destination.length + " values, got " + source.length);
    }
    System.arraycopy(source, 0, destination, 0, source.length);
  }
}
