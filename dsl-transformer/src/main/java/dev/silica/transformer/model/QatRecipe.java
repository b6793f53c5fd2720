package dev.silica.transformer.model;

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
 */
public record QatRecipe(boolean learnedScales, boolean frozenNorms, boolean cosineSchedule) {

  /** The first recipe: max-abs weight scales, observed ranges, live BatchNorm statistics, step decay. */
  public static final QatRecipe OBSERVED = new QatRecipe(false, false, false);

  /**
   * Learned scales and ranges (LSQ), frozen BatchNorm statistics, cosine schedule: the default. (Frozen
   * statistics help only with learned ranges; with observed ones they cost accuracy.)
   */
  public static final QatRecipe LEARNED = new QatRecipe(true, true, true);
}
