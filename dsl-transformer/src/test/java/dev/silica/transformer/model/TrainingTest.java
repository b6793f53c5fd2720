package dev.silica.transformer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.silica.transformer.data.ForecastData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingTest {

  private static final ForecastData DATA = TinyData.load(6, 600);

  private static double validationLoss(ForecastModel model, Mode mode) {
    return Batches.meanSquaredError(Batches.predict(model, DATA.validation(), mode), DATA.validation());
  }

  @Test
  void floatTrainingReducesTheValidationLossAndReportsEachEpoch() {
    TrainingConfig config = TinyData.config(0, 4, 0);
    ForecastModel model = new ForecastModel(config.modelConfig(2), config.seed());
    double before = validationLoss(model, Mode.FLOAT_INFERENCE);
    StringWriter log = new StringWriter();
    Trainer.PhaseResult result = new Trainer(model, DATA, config, new PrintWriter(log, true))
        .train(Mode.FLOAT_TRAINING, config.epochs(), config.learningRate(), phase -> { });
    double after = validationLoss(model, Mode.FLOAT_INFERENCE);
    assertTrue(after < 0.5 * before, "validation loss " + before + " -> " + after);
    assertTrue(Math.abs(after - result.bestValidationLoss()) < 1e-12, "the model ends in its best state");
    String text = log.toString();
    assertTrue(text.contains("float epoch 4/4") && text.contains("left"), text);
  }

  @Test
  void trainingIsDeterministicForASeed() {
    TrainingConfig config = TinyData.config(0, 1, 0);
    Map<String, double[]> first = trainOnce(config);
    Map<String, double[]> second = trainOnce(config);
    for (String name : first.keySet()) {
      assertArrayEquals(first.get(name), second.get(name), name);
    }
  }

  private static Map<String, double[]> trainOnce(TrainingConfig config) {
    ForecastModel model = new ForecastModel(config.modelConfig(2), config.seed());
    new Trainer(model, DATA, config, new PrintWriter(Writer.nullWriter()))
        .train(Mode.FLOAT_TRAINING, config.epochs(), config.learningRate(), phase -> { });
    return model.snapshot();
  }

  @Test
  void quantizationAwareFineTuningRecoversFromQuantizingAFloatModel() {
    TrainingConfig config = TinyData.config(4, 4, 4);
    ForecastModel model = new ForecastModel(config.modelConfig(2), config.seed());
    PrintWriter quiet = new PrintWriter(Writer.nullWriter());
    Trainer trainer = new Trainer(model, DATA, config, quiet);
    trainer.train(Mode.FLOAT_TRAINING, config.epochs(), config.learningRate(), phase -> { });
    model.quantize(4, 8, 4);
    Trainer.PhaseResult qat = trainer.train(Mode.QAT_TRAINING, 1, 0, phase -> { });
    double quantizedOnly = qat.bestValidationLoss();
    trainer.train(Mode.QAT_TRAINING, config.qatEpochs(), config.qatLearningRate(), phase -> { });
    double fineTuned = validationLoss(model, Mode.QAT_INFERENCE);
    assertTrue(fineTuned < quantizedOnly, "QAT validation loss " + quantizedOnly + " -> " + fineTuned);
  }

  @Test
  void qatKeepsTheCalibratedModelWhenNoEpochImprovesOnIt() {
    TrainingConfig config = TinyData.config(4, 3, 2).withQat(2, 1e-3, QatRecipe.LEARNED);
    ForecastModel model = new ForecastModel(config.modelConfig(2), config.seed());
    StringWriter log = new StringWriter();
    Trainer trainer = new Trainer(model, DATA, config, new PrintWriter(log, true));
    trainer.train(Mode.FLOAT_TRAINING, config.epochs(), config.learningRate(), phase -> { });
    model.quantize(4, 8, 4);
    List<Trainer.PhaseResult> improvements = new ArrayList<>();

    Trainer.PhaseResult qat = trainer.train(Mode.QAT_TRAINING, 2, 0.1, improvements::add);

    assertEquals(0, qat.bestEpoch(), "a learning rate of 0.1 ruins every epoch");
    assertEquals(2, qat.epochsRun());
    assertEquals(List.of(0), improvements.stream().map(Trainer.PhaseResult::epochsRun).toList());
    assertEquals(qat.bestValidationLoss(), validationLoss(model, Mode.QAT_INFERENCE), 1e-12);
    assertTrue(log.toString().contains("qat4 calibrated (epoch 0)"), log.toString());
  }
}
