/**
 * Pure-Java integer golden models of the integer-only Transformer datapaths, each with a float
 * reference and its approximation error measured by a test and quoted in its javadoc. They are
 * the specification the hardware generators are checked against bit for bit, and the building
 * blocks of integer-only inference.
 *
 * <ul>
 *   <li>Codes and quantization: {@link dev.silica.transformer.golden.IntFormat}, {@link
 *       dev.silica.transformer.golden.QuantSpec}.
 *   <li>Requantization: {@link dev.silica.transformer.golden.QuantizeMultiplier} (TFLite's
 *       derivation, its published test cases reproduced), {@link
 *       dev.silica.transformer.golden.FixedPointMath} (gemmlowp primitives), {@link
 *       dev.silica.transformer.golden.DyadicMultiplier}, {@link
 *       dev.silica.transformer.golden.Requantizer} with three {@link
 *       dev.silica.transformer.golden.RoundingMode}s.
 *   <li>Matrix products: {@link dev.silica.transformer.golden.MatMul} (with exact accumulator
 *       sizing), {@link dev.silica.transformer.golden.Linear}.
 *   <li>Softmax: {@link dev.silica.transformer.golden.IntSoftmax} over an {@link
 *       dev.silica.transformer.golden.IntExp} ({@link dev.silica.transformer.golden.IExp} or {@link
 *       dev.silica.transformer.golden.ExpLut}) and a {@link
 *       dev.silica.transformer.golden.RestoringDivider}.
 *   <li>Normalization: {@link dev.silica.transformer.golden.FoldedBatchNorm} (from {@link
 *       dev.silica.transformer.golden.BatchNormParams}), {@link
 *       dev.silica.transformer.golden.IntLayerNorm} over {@link
 *       dev.silica.transformer.golden.IntegerSqrt}.
 *   <li>Elementwise: {@link dev.silica.transformer.golden.Relu}, {@link
 *       dev.silica.transformer.golden.ResidualAdd}, {@link
 *       dev.silica.transformer.golden.GlobalAvgPool}, {@link
 *       dev.silica.transformer.golden.PositionalEncoding}.
 * </ul>
 *
 * <p>Conventions: codes are {@code int} (accumulators {@code long}); every rounding is named
 * (half up, half away from zero, or floor) where it happens; real-valued constants are turned
 * into integers once, at construction, and run-time methods use integer arithmetic only.
 */
package dev.silica.transformer.golden;
