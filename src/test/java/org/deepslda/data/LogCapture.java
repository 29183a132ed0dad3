package org.deepslda.data;

import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** Collects the formatted messages a class logs (log4j2 is the slf4j binding in tests). */
final class LogCapture extends AbstractAppender implements AutoCloseable {
  private final Logger logger;
  private final List<String> messages = new ArrayList<>();
  private final Level oldLevel;

  private LogCapture(Class<?> source) {
    super("capture-" + source.getSimpleName(), null, null, true, Property.EMPTY_ARRAY);
    this.logger = (Logger) LogManager.getLogger(source);
    this.oldLevel = logger.getLevel();
    start();
    logger.addAppender(this);
    logger.setLevel(Level.DEBUG);
  }

  static LogCapture of(Class<?> source) {
    return new LogCapture(source);
  }

  @Override
  public synchronized void append(LogEvent event) {
    messages.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
  }

  synchronized List<String> messages() {
    return List.copyOf(messages);
  }

  @Override
  public void close() {
    logger.removeAppender(this);
    logger.setLevel(oldLevel);
    stop();
  }
}
