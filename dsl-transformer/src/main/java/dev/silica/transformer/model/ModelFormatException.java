package dev.silica.transformer.model;

/** A model file that is malformed or inconsistent, naming the offending field: {@code field: problem}. */
public final class ModelFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;

  public ModelFormatException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  /** The JSON path of the offending field. */
  public String field() {
    return field;
  }
}
