package dev.silica.transformer.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Test-set figures of a trained model in the data's own units: RMSE of the float model, the QAT
 * model and the integer-only inference (NaN for the last two after a float-only run), and how far
 * the integer-only outputs are from the QAT model's, in steps of the head's accumulator (the
 * forecast's resolution).
 *
 * <p>The last line of {@link #lines()} has {@code -} for the figures a float-only model lacks.
 *
 * @param dataset the data set's command-line name
 * @param units the target's units
 * @param examples test windows evaluated
 * @param floatRmse float model RMSE
 * @param qatRmse fake-quantized QAT model RMSE
 * @param integerRmse integer-only inference RMSE
 * @param maxCodeGap largest |integer - QAT| output difference, in accumulator steps
 * @param meanCodeGap mean |integer - QAT| output difference, in accumulator steps
 * @param identicalShare share of test windows whose integer accumulator equals the QAT model's
 */
public record EvaluationResult(String dataset, String units, int examples, double floatRmse, double qatRmse,
    double integerRmse, double maxCodeGap, double meanCodeGap, double identicalShare) {

  /** The report {@code silica evaluate} prints; the last line is {@code rmse: float=X qat=Y integer=Z}. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(String.format("test set: %s, %d windows; RMSE in %s", dataset, examples, units));
    lines.add(String.format("  float model      %.4f", floatRmse));
    if (!Double.isNaN(qatRmse)) {
      lines.add(String.format("  QAT model        %.4f  (%+.2f%% against float)", qatRmse,
          100 * (qatRmse / floatRmse - 1)));
      lines.add(String.format("  integer-only     %.4f  (%+.3f%% against QAT)", integerRmse,
          100 * (integerRmse / qatRmse - 1)));
      lines.add(String.format("integer vs QAT output: max %.0f accumulator steps, mean %.4f, identical in %.2f%% of windows",
          maxCodeGap, meanCodeGap, 100 * identicalShare));
    }
    lines.add(String.format("rmse: float=%s qat=%s integer=%s", figure(floatRmse), figure(qatRmse),
        figure(integerRmse)));
    return lines;
  }

  private static String figure(double value) {
    return Double.isNaN(value) ? "-" : String.format("%.4f", value);
  }
}
