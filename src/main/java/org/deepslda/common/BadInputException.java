package org.deepslda.common;

/**
 * Input the user supplied is not what the program expects: a filelist line, a config key, a
 * flag value, a feature row, a checkpoint. The message names where the bad value is (file and
 * line, column, flag or key), the value found and what was expected. The CLI prints the message
 * on one line and exits non-zero.
 */
public class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
