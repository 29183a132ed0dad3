package org.deepslda.common;

/**
 * The environment cannot do what was asked, through no fault of the input: a native library
 * that does not load, a store or folder that cannot be read or written, a disk that is full.
 */
public class EnvironmentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EnvironmentException(String message) {
    super(message);
  }

  public EnvironmentException(String message, Throwable cause) {
    super(message, cause);
  }
}
