/**
 * The forecasting data sets bundled in {@code /data} (sources, licences and citations in {@code
 * data/README.md}) and their preparation for training: a position-aware CSV reader whose errors
 * name file, line and column ({@link dev.silica.transformer.data.CsvTable}), the air-quality and
 * traffic loaders, a chronological train/validation/test split with scaling fitted on the
 * training rows only ({@link dev.silica.transformer.data.ChronologicalSplit}), and windowing that
 * never crosses a time gap or a missing value and reports what it dropped ({@link
 * dev.silica.transformer.data.Windowing}). Entry point: {@link dev.silica.transformer.data.Dataset#load}.
 */
package dev.silica.transformer.data;
