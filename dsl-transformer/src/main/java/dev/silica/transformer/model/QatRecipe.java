package dev.silica.transformer.model;

import com.google.common.base.Preconditions;

/**
 * How quantization-aware fine-tuning trains, beyond its epochs and learning rate.
 *
 * @param learnedScales after calibration, every weight scale and activation range is a trained
 *     parameter ({@link ForecastModel#learnScales}) rather than the weights' max-abs and a running
 *     min/max
 * @param frozenNorms BatchNorm normalizes with its running statistics and keeps them ({@link
 *     ForecastModel#freezeNorms}), so that training computes what the integer inference folds
 * @param cosineSchedule the learning rate falls from its start to zero along a half cosine over
 *     the phase's epochs, instead of the float phase's step decay
 * @param distillation the weight, 0..1, of the float model's own predictions in the training
 *     target ({@link Distillation}): 0 trains on the data's targets alone, 1 on the float model's
 *     predictions alone
 */
public record QatRecipe(boolean learnedScales, boolean frozenNorms, boolean cosineSchedule, double distillation) {

  /** The first recipe: max-abs weight scales, observed ranges, live BatchNorm statistics, step decay. */
  public static final QatRecipe OBSERVED = new QatRecipe(false, false, false, 0);

  /**
   * Learned scales and ranges (LSQ), frozen BatchNorm statistics, cosine schedule: the default. (Frozen
   * statistics help only with learned ranges; with observed ones they cost accuracy.)
   */
  public static final QatRecipe LEARNED = new QatRecipe(true, true, true, 0);

  public QatRecipe {
    Preconditions.checkArgument(distillation >= 0 && distillation <= 1, "distillation weight must be 0..1, got %s",
        distillation);
  }

  /** The same recipe with the float model's predictions weighted {@code weight} in the target. */
  public QatRecipe withDistillation(double weight) {
    return new QatRecipe(learnedScales, frozenNorms, cosineSchedule, weight);
  }
}
