package dev.silica.transformer.model;

/**
 * A model file (or in-memory quantized model) that is malformed or inconsistent; the message
 * starts with the path of the offending field, e.g. {@code dense.layer0.query.weights[3]: ...}.
 */
public final class ModelFormatException extends RuntimeException {

  private final String field;
  private final String problem;

  public ModelFormatException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
    this.problem = problem;
  }

  /** The same problem with {@code prefix} prepended to the field's path. */
  public ModelFormatException within(String prefix) {
    return new ModelFormatException(prefix + "." + field, problem);
  }

  /** What is wrong with the field. */
  public String problem() {
    return problem;
  }

  /** The dotted path of the offending field. */
  public String field() {
    return field;
  }
}
