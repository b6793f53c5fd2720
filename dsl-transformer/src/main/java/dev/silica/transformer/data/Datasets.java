package dev.silica.transformer.data;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The bundled forecasting data sets, by name, loaded from the class path ({@code /data/}). */
public enum Datasets {
  AIRQUALITY("airquality", AirQualityLoader.RESOURCE),
  TRAFFIC("traffic", TrafficLoader.RESOURCE);

  private final String id;
  private final String resource;

  Datasets(String id, String resource) {
    this.id = id;
    this.resource = resource;
  }

  /** The name used on the command line and in model files. */
  public String id() {
    return id;
  }

  /** The data set called {@code id}. */
  public static Datasets byId(String id) {
    for (Datasets d : values()) {
      if (d.id.equals(id)) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown data set \"" + id + "\"; expected one of "
        + ImmutableList.copyOf(values()).stream().map(Datasets::id).toList());
  }

  /** Loads the bundled file and cuts windows of {@code window} steps. */
  public ForecastData load(int window) {
    try (InputStream in = Datasets.class.getResourceAsStream("/data/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("the bundled data file /data/" + resource + " is missing from the class path");
      }
      Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
      return this == AIRQUALITY ? AirQualityLoader.load(resource, reader, window)
          : TrafficLoader.load(resource, reader, window);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
