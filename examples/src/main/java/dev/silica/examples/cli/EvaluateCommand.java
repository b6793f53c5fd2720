package dev.silica.examples.cli;

import dev.silica.transformer.model.ForecastEvaluation;
import dev.silica.transformer.model.ModelFile;
import dev.silica.transformer.model.ModelFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code silica evaluate}: test RMSE of a model file's float model, QAT model and integer-only
 * inference in the data's units, side by side; the last line reads {@code rmse: float=X qat=Y
 * integer=Z} ({@code -} where a float-only file has none).
 */
@Command(
    name = "evaluate",
    description = "Test RMSE of the float, QAT and integer-only models of a model file; last line: rmse: float=X qat=Y integer=Z.")
final class EvaluateCommand implements Runnable {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "MODEL.json", description = "A file written by silica train.")
  Path model;

  @Override
  public void run() {
    if (!Files.isRegularFile(model)) {
      throw new UserError("no such model file: " + model);
    }
    ModelFile file;
    try {
      file = ModelFile.read(model);
    } catch (ModelFormatException e) {
      throw new UserError(model + ": " + e.getMessage());
    } catch (IOException e) {
      throw new UserError("cannot read " + model + ": " + e.getMessage());
    }
    ForecastEvaluation result = ForecastEvaluation.of(file);
    var out = spec.commandLine().getOut();
    out.printf("%s, window %d, d_model %d, %s; test set %s, %d windows (%s)%n", file.data(), file.config().window(),
        file.config().dModel(), file.bits() == 0 ? "float" : file.bits() + " bits", result.data().spans().get(2),
        result.data().test().size(), result.data().unit());
    out.printf("  float    %.4f%n", result.floatRmse());
    if (result.qatRmse().isPresent()) {
      out.printf("  qat      %.4f%n", result.qatRmse().getAsDouble());
      out.printf("  integer  %.4f  (|integer - qat| prediction: max %.4f, mean %.4f; one output code is %.4f)%n",
          result.integerRmse().getAsDouble(), result.maxGap(), result.meanGap(), result.outputStep());
    }
    out.printf("rmse: float=%.4f qat=%s integer=%s%n", result.floatRmse(), format(result.qatRmse()),
        format(result.integerRmse()));
    out.flush();
  }

  private static String format(OptionalDouble value) {
    return value.isPresent() ? String.format("%.4f", value.getAsDouble()) : "-";
  }
}
