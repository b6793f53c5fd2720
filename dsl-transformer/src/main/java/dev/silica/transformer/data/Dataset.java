package dev.silica.transformer.data;

import java.util.Locale;

/** The forecasting data sets shipped with Silica (see {@code data/README.md} for sources and licences). */
public enum Dataset {
  /** Beijing Aotizhongxin hourly air quality: O3 one hour ahead from nine pollutant and weather channels. */
  AIRQUALITY {
    @Override
    public ForecastData load(int window) {
      return AirQualityLoader.load(window);
    }
  },
  /** One PeMS detector's 5-minute flow, univariate, one step ahead. */
  TRAFFIC {
    @Override
    public ForecastData load(int window) {
      return TrafficLoader.load(window);
    }
  };

  /** Loads the bundled file and cuts it into windows of {@code window} steps. */
  public abstract ForecastData load(int window);

  /** The command-line name: {@code airquality} or {@code traffic}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The data set with command-line name {@code name}. */
  public static Dataset fromCliName(String name) {
    for (Dataset d : values()) {
      if (d.cliName().equals(name)) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown data set \"" + name + "\" (expected airquality or traffic)");
  }
}
