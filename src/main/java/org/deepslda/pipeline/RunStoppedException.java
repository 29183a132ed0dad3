package org.deepslda.pipeline;

/** A run stopped on purpose before its end (a testing aid for resume); not a failure of input. */
public final class RunStoppedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RunStoppedException(String message) {
    super(message);
  }
}
