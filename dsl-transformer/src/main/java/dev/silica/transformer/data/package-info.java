/**
 * Real time series for one-step-ahead forecasting: a small CSV reader whose errors name file, line
 * and column, loaders for the air-quality ({@link dev.silica.transformer.data.AirQualityLoader}) and
 * traffic ({@link dev.silica.transformer.data.TrafficLoader}) data sets bundled under {@code
 * /data/} (sources and licences in its README.md), and {@link
 * dev.silica.transformer.data.Windowing}, which cuts gap-free, complete windows, splits them
 * chronologically and standardizes them with training statistics only, reporting what it dropped.
 */
package dev.silica.transformer.data;
