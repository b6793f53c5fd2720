package dev.silica.examples.cli;

/** A failure the user can act on (a missing file, a tool that reported errors), printed as one line. */
final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserError(String message) {
    super(message);
  }
}
