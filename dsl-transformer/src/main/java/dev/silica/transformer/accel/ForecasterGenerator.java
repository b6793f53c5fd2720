package dev.silica.transformer.accel;

import com.google.common.collect.ImmutableList;
import dev.silica.dsl.Elaborator;
import dev.silica.dsl.Generator;
import dev.silica.dsl.Param;
import dev.silica.dsl.ParameterError;
import dev.silica.dsl.Params;
import dev.silica.ir.Design;
import dev.silica.ir.Memory;
import dev.silica.transformer.blocks.MultiplierKind;
import dev.silica.transformer.model.ModelFormatException;
import dev.silica.transformer.model.TrainedModel;

/**
 * The {@code forecaster} generator: the complete integer-only forecasting accelerator ({@link
 * ForecasterAccelerator}) for a trained model, compiled by {@link ProgramCompiler}.
 */
public final class ForecasterGenerator implements Generator {

  @Override
  public String name() {
    return "forecaster";
  }

  @Override
  public String description() {
    return "The integer-only Transformer forecaster for a trained model: one shared R x C systolic array,"
        + " vector unit, softmax and pooling, banked activation memory, a sequencer running the compiled model.";
  }

  @Override
  public ImmutableList<Param> params() {
    return ImmutableList.of(
        new Param("model", ModelSource.DEFAULT, "a bundled model (" + String.join(", ", ModelSource.BUNDLED)
            + ") or a model file of silica train"),
        new Param("rows", "window", "R, array rows: time steps at once (must divide the window)"),
        new Param("cols", "4", "C, array columns: output channels at once (must divide the head size)"),
        new Param("multiplier", "lut", "lut, dsp or packed (two MACs per DSP48E1)"),
        new Param("storage", "block", "block or distributed: activation memory and weight ROM"));
  }

  @Override
  public Design elaborate(Params p) {
    Program program = program(p);
    return Elaborator.elaborate(() -> new ForecasterAccelerator(program), p.designAttributes());
  }

  /** The model these parameters name. */
  public static TrainedModel model(Params p) {
    String source = p.getString("model");
    TrainedModel model;
    try {
      model = ModelSource.load(source);
    } catch (IllegalArgumentException | ModelFormatException e) {
      throw new ParameterError("model '" + source + "': " + e.getMessage());
    }
    if (!model.isQuantized()) {
      throw new ParameterError("model '" + source + "' is a float model: the accelerator needs a quantized one"
          + " (silica train --bits 4|6|8)");
    }
    return model;
  }

  /** The compiled program these parameters describe. */
  public static Program program(Params p) {
    TrainedModel model = model(p);
    String rowsGiven = p.getString("rows").trim();
    int rows = rowsGiven.equals("window") ? model.config().window() : p.getInt("rows", 1, AcceleratorConfig.MAX_SIDE);
    int cols = p.getInt("cols", 1, AcceleratorConfig.MAX_SIDE);
    MultiplierKind multiplier = p.getEnum("multiplier", MultiplierKind.class);
    String storage = p.getString("storage").trim();
    if (!storage.equals("block") && !storage.equals("distributed")) {
      throw ParameterError.invalid("storage", storage, "block or distributed");
    }
    Memory.Style style = storage.equals("block") ? Memory.Style.BLOCK : Memory.Style.DISTRIBUTED;
    try {
      return ProgramCompiler.compile(model.quantized(), new AcceleratorConfig(rows, cols, multiplier, style));
    } catch (ModelFormatException e) {
      throw new ParameterError("model '" + p.getString("model") + "': " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new ParameterError("forecaster " + rows + "x" + cols + " " + multiplier.name().toLowerCase(java.util.Locale.ROOT) + ": "
          + e.getMessage());
    }
  }
}
