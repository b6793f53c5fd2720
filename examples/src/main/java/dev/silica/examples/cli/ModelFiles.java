package dev.silica.examples.cli;

import dev.silica.transformer.model.ModelFile;
import dev.silica.transformer.model.ModelFormatException;
import dev.silica.transformer.model.TrainedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a model file named on the command line, turning every failure into a one-line {@link UserError}. */
final class ModelFiles {

  private ModelFiles() {}

  /** The model in {@code file}; a missing, unreadable or malformed file is a {@link UserError} naming it. */
  static TrainedModel read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UserError("no such model file: " + file);
    }
    try {
      return ModelFile.read(file);
    } catch (ModelFormatException e) {
      throw new UserError(file + ": " + e.getMessage());
    } catch (IOException e) {
      throw new UserError("cannot read " + file + ": " + e.getMessage());
    }
  }
}
