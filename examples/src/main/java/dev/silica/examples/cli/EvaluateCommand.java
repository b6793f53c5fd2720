package dev.silica.examples.cli;

import dev.silica.transformer.model.Evaluation;
import dev.silica.transformer.model.ModelFile;
import dev.silica.transformer.model.ModelFormatException;
import dev.silica.transformer.model.TrainedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code silica evaluate}: test RMSE of a model file's float model, QAT model and integer-only
 * inference in the data's units, side by side, and the gap between integer and QAT outputs; the
 * last line reads {@code rmse: float=X qat=Y integer=Z} ({@code -} where a float-only file has
 * none).
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
    TrainedModel trained;
    try {
      trained = ModelFile.read(model);
    } catch (ModelFormatException e) {
      throw new UserError(model + ": " + e.getMessage());
    } catch (IOException e) {
      throw new UserError("cannot read " + model + ": " + e.getMessage());
    }
    var out = spec.commandLine().getOut();
    out.printf("%s: %s, window %d, d_model %d, %s%n", model, trained.dataset().cliName(), trained.config().window(),
        trained.config().dModel(), trained.isQuantized() ? trained.bits() + " bits" : "float");
    Evaluation.evaluate(trained, trained.dataset().load(trained.config().window())).lines().forEach(out::println);
    out.flush();
  }
}
