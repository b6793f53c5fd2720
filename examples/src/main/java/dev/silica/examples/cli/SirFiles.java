package dev.silica.examples.cli;

import dev.silica.ir.Design;
import dev.silica.ir.text.SirParser;
import dev.silica.ir.text.SirError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads {@code .sir} files for the command line, turning I/O and syntax problems into user errors. */
final class SirFiles {

  private SirFiles() {}

  static Design read(String file) {
    Path path = Path.of(file);
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserError("cannot read " + file + ": " + e.getMessage());
    }
    try {
      return SirParser.parse(text, file);
    } catch (SirError e) {
      throw new UserError(e.getMessage());
    }
  }
}
