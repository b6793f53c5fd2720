package dev.silica.ir;

/** A module's input or output. Outputs are driven by a {@link Connect}. */
public record Port(String name, Direction direction, Type type, SourceLoc loc) {

  /** Which way a port carries data. */
  public enum Direction {
    IN,
    OUT
  }

  public boolean isInput() {
    return direction == Direction.IN;
  }
}
