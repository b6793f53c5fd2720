package dev.silica.transformer.accel;

import com.google.common.collect.ImmutableList;
import dev.silica.transformer.model.ModelFile;
import dev.silica.transformer.model.ModelFormatException;
import dev.silica.transformer.model.TrainedModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a forecaster's model comes from: one of the small trained models shipped with Silica (by
 * name, e.g. {@code air-12-32-4}: data set, window, d_model, bits) or a model file written by
 * {@code silica train}.
 */
public final class ModelSource {

  /** The models shipped in the jar, under {@code /models/NAME.json}. */
  public static final ImmutableList<String> BUNDLED = ImmutableList.of("air-12-32-4", "traffic-12-32-4");

  /** The model {@code silica build} and {@code silica forecast} use when none is given. */
  public static final String DEFAULT = "air-12-32-4";

  private ModelSource() {}

  /**
   * Reads a bundled model by name, or else a model file by path.
   *
   * @throws IllegalArgumentException when {@code nameOrPath} is neither, or the file cannot be read
   * @throws ModelFormatException for a file that is not a valid model
   */
  public static TrainedModel load(String nameOrPath) {
    if (BUNDLED.contains(nameOrPath)) {
      try (InputStream in = ModelSource.class.getResourceAsStream("/models/" + nameOrPath + ".json");
          Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return ModelFile.fromJson(reader);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Path path = Path.of(nameOrPath);
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("no bundled model (" + String.join(", ", BUNDLED)
          + ") and no model file named '" + nameOrPath + "'");
    }
    try {
      return ModelFile.read(path);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read model file " + path + ": " + e.getMessage());
    }
  }
}
