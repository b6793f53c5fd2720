package dev.silica.examples.cli;

import dev.silica.dsl.ParameterError;
import dev.silica.transformer.data.ForecastData;
import dev.silica.transformer.model.BlockComparison;
import dev.silica.transformer.model.Evaluation;
import dev.silica.transformer.model.TrainedModel;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code silica evaluate}: test RMSE of a model file's float model, QAT model and integer-only
 * inference in the data's units, side by side, and the gap between integer and QAT outputs; the
 * last line reads {@code rmse: float=X qat=Y integer=Z} ({@code -} where a float-only file has
 * none). {@code --blocks N} first prints the {@link BlockComparison} of integer and QAT codes over
 * the first N test windows.
 */
@Command(
    name = "evaluate",
    description = "Test RMSE of the float, QAT and integer-only models of a model file; last line: rmse: float=X qat=Y integer=Z.")
final class EvaluateCommand implements Runnable {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "MODEL.json", description = "A file written by silica train.")
  Path model;

  @Option(names = "--blocks", paramLabel = "N",
      description = "Also compare integer and QAT codes block by block over the first N test windows.")
  Integer blocks;

  @Override
  public void run() {
    if (blocks != null && blocks < 1) {
      throw new ParameterError("--blocks must be >= 1, got " + blocks);
    }
    TrainedModel trained = ModelFiles.read(model);
    if (blocks != null && !trained.isQuantized()) {
      throw new UserError("--blocks: " + model + " is a float-only model with no integer inference");
    }
    var out = spec.commandLine().getOut();
    out.printf("%s: %s, window %d, d_model %d, %s%n", model, trained.dataset().cliName(), trained.config().window(),
        trained.config().dModel(), trained.widths());
    ForecastData data = trained.dataset().load(trained.config().window());
    if (blocks != null) {
      BlockComparison.compare(trained, data.test(), blocks).lines().forEach(out::println);
    }
    Evaluation.evaluate(trained, data).lines().forEach(out::println);
    out.flush();
  }
}
