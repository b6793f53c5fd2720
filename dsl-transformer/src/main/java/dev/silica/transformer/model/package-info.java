/**
 * The tiny forecasting Transformer of the published Spartan-7 accelerator, trained in pure Java:
 * layers with hand-written forward and backward passes ({@link dev.silica.transformer.model.Dense},
 * {@link dev.silica.transformer.model.SelfAttention}, {@link dev.silica.transformer.model.BatchNorm},
 * composed by {@link dev.silica.transformer.model.EncoderLayer} and {@link
 * dev.silica.transformer.model.ForecastModel}), each checked against finite differences; Adam
 * training with step decay and early stopping ({@link dev.silica.transformer.model.Trainer});
 * quantization-aware fine-tuning with fake quantization ({@link
 * dev.silica.transformer.model.FakeQuant}, {@link dev.silica.transformer.model.Quantization});
 * export to an integer-only model ({@link dev.silica.transformer.model.QuantizedModel}) stored as
 * JSON ({@link dev.silica.transformer.model.ModelFile}); and integer-only inference on the golden
 * blocks of {@code dev.silica.transformer.golden} ({@link
 * dev.silica.transformer.model.IntegerForecaster}), which QAT matches code for code: QAT runs the
 * softmax, residual adds, positional encoding and pooling through the same golden models on its
 * codes and leaves the head's accumulator unquantized, and {@link
 * dev.silica.transformer.model.BlockComparison} checks the two block by block.
 *
 * <p>Entry points for the command line: {@link dev.silica.transformer.model.TrainingRun#run} and
 * {@link dev.silica.transformer.model.Evaluation#evaluate(java.nio.file.Path)}.
 */
package dev.silica.transformer.model;
