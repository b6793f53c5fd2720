package dev.silica.examples.cli;

import dev.silica.dsl.ParameterError;
import dev.silica.transformer.data.Dataset;
import dev.silica.transformer.model.QatRecipe;
import dev.silica.transformer.model.TrainedModel;
import dev.silica.transformer.model.TrainingConfig;
import dev.silica.transformer.model.TrainingRun;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code silica train}: trains the forecasting Transformer on a bundled data set with the
 * published recipe ({@link TrainingConfig#published}), in float and, for 4, 6 or 8 bits, with
 * quantization-aware fine-tuning by a {@link QatRecipe} and integer export; the model file is
 * rewritten on every improvement, so an interrupted run leaves its best model. {@code --from}
 * starts the quantization-aware phase from an earlier run's float model.
 */
@Command(
    name = "train",
    description = "Train the forecasting Transformer (float, then QAT at --bits) and write its model file.")
final class TrainCommand implements Runnable {

  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "airquality|traffic", description = "The data set.")
  String data;

  @Option(names = "--window", required = true, paramLabel = "N", description = "Input window length.")
  int window;

  @Option(names = "--d-model", required = true, paramLabel = "D", description = "Model width.")
  int dModel;

  @Option(names = "--bits", required = true, paramLabel = "4|6|8|float", description = "Quantization width.")
  String bits;

  @Option(names = "--input-bits", paramLabel = "B",
      description = "Width of the input codes, from --bits to 2 x --bits (default: --bits); wider input codes enter "
          + "the accelerator's array in two halves.")
  Integer inputBits;

  @Option(names = "--epochs", paramLabel = "E",
      description = "Most float epochs (QAT fine-tunes for a third as many, at least three); not with --from.")
  Integer epochs;

  @Option(names = "--qat-epochs", paramLabel = "E",
      description = "Most quantization-aware epochs (default: a third of --epochs, at least three; required with --from).")
  Integer qatEpochs;

  @Option(names = "--qat-recipe", paramLabel = "learned|observed",
      description = "learned (default): LSQ-learned weight scales and activation ranges, cosine learning rate; "
          + "observed: max-abs weight scales, running min/max ranges, step decay (the first recipe).")
  String qatRecipe = "learned";

  @Option(names = "--qat-lr", paramLabel = "RATE",
      description = "The QAT phase's starting learning rate (default: ${DEFAULT-VALUE}).")
  double qatLearningRate = TrainingConfig.QAT_LEARNING_RATE;

  @Option(names = "--distill", paramLabel = "W",
      description = "Knowledge distillation: QAT trains towards (1 - W) target + W float-model prediction, "
          + "0..1 (default: ${DEFAULT-VALUE}, the data's targets alone).")
  double distillation = 0;

  @Option(names = "--from", paramLabel = "FILE",
      description = "Skip float training: quantize the float model of this model file (same data set and shape).")
  Path from;

  @Option(names = "--seed", required = true, paramLabel = "S", description = "Random seed (runs are deterministic).")
  long seed;

  @Option(names = "--layers", paramLabel = "L", description = "Encoder layers (default: ${DEFAULT-VALUE}, as published).")
  int layers = 1;

  @Option(names = "--heads", paramLabel = "H",
      description = "Attention heads, dividing D (default: ${DEFAULT-VALUE}, as published).")
  int heads = 1;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The model file (JSON).")
  Path output;

  @Override
  public void run() {
    Dataset dataset;
    try {
      dataset = Dataset.fromCliName(data);
    } catch (IllegalArgumentException e) {
      throw new ParameterError("--data: " + e.getMessage());
    }
    int width = switch (bits) {
      case "float" -> 0;
      case "4" -> 4;
      case "6" -> 6;
      case "8" -> 8;
      default -> throw new ParameterError("--bits must be 4, 6, 8 or float, got '" + bits + "'");
    };
    if (window < 1) {
      throw new ParameterError("--window must be >= 1, got " + window);
    }
    if (dModel < 2) {
      throw new ParameterError("--d-model must be >= 2, got " + dModel);
    }
    if (layers < 1) {
      throw new ParameterError("--layers must be >= 1, got " + layers);
    }
    if (heads < 1 || dModel % heads != 0) {
      throw new ParameterError("--heads must divide --d-model " + dModel + ", got " + heads);
    }
    if (from == null && epochs == null) {
      throw new ParameterError("--epochs is required (unless --from gives the float model)");
    }
    if (from != null && epochs != null) {
      throw new ParameterError("--epochs does not go with --from: the float model is already trained");
    }
    if (epochs != null && epochs < 1) {
      throw new ParameterError("--epochs must be >= 1, got " + epochs);
    }
    if (from != null && qatEpochs == null) {
      throw new ParameterError("--from needs --qat-epochs");
    }
    if (qatEpochs != null && qatEpochs < 1) {
      throw new ParameterError("--qat-epochs must be >= 1, got " + qatEpochs);
    }
    if (from != null && width == 0) {
      throw new ParameterError("--from needs --bits 4, 6 or 8: it only runs quantization-aware training");
    }
    QatRecipe recipe = switch (qatRecipe) {
      case "learned" -> QatRecipe.LEARNED;
      case "observed" -> QatRecipe.OBSERVED;
      default -> throw new ParameterError("--qat-recipe must be learned or observed, got '" + qatRecipe + "'");
    };
    if (!(distillation >= 0 && distillation <= 1)) {
      throw new ParameterError("--distill must be 0..1, got " + distillation);
    }
    if (!(qatLearningRate > 0)) {
      throw new ParameterError("--qat-lr must be positive, got " + qatLearningRate);
    }
    if (width == 0 && (distillation != 0 || qatLearningRate != TrainingConfig.QAT_LEARNING_RATE)) {
      throw new ParameterError("--distill and --qat-lr need --bits 4, 6 or 8: they tune quantization-aware training");
    }
    if (inputBits != null && width == 0) {
      throw new ParameterError("--input-bits needs --bits 4, 6 or 8: a float model has no input codes");
    }
    if (inputBits != null && (inputBits < width || inputBits > 2 * width)) {
      throw new ParameterError("--input-bits must be " + width + " to " + 2 * width + " (--bits to twice --bits), got "
          + inputBits);
    }
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new UserError("cannot write " + output + ": the directory " + parent + " does not exist");
    }
    TrainedModel start = from == null ? null : ModelFiles.read(from);
    TrainingConfig published = TrainingConfig.published(dataset, window, dModel, width,
        start == null ? epochs : start.summary().floatEpochs(), seed, output).withShape(layers, heads);
    TrainingConfig config = published.withQat(qatEpochs != null ? qatEpochs : published.qatEpochs(),
        qatLearningRate, recipe.withDistillation(distillation)).withInputBits(inputBits != null ? inputBits : width);
    var out = spec.commandLine().getOut();
    try {
      if (start == null) {
        TrainingRun.run(config, out);
      } else {
        fineTune(config, start, out);
      }
    } catch (UncheckedIOException e) {
      throw new UserError(e.getMessage());
    }
    out.flush();
  }

  /** QAT from {@code start}'s float model; a model of another data set or shape is a {@link UserError}. */
  private void fineTune(TrainingConfig config, TrainedModel start, PrintWriter out) {
    try {
      TrainingRun.fineTune(config, start, out);
    } catch (IllegalArgumentException e) {
      throw new UserError("--from " + from + ": " + e.getMessage());
    }
  }
}
