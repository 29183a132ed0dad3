package org.deepslda.reliability;

import java.io.StringWriter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Collects what one logger (and those below it) logs at INFO and above while open, as {@code
 * LEVEL message} lines; the test log configuration stays as it was after {@link #close}.
 */
final class LogCapture implements AutoCloseable {
  private final StringWriter text = new StringWriter();
  private final LoggerConfig logger;
  private final WriterAppender appender;
  private final LoggerContext context;

  private LogCapture(String name) {
    context = (LoggerContext) LogManager.getContext(false);
    Configuration config = context.getConfiguration();
    appender = WriterAppender.newBuilder()
        .setName("reliability-capture")
        .setTarget(text)
        .setLayout(PatternLayout.newBuilder().withPattern("%p %m%n").build())
        .build();
    appender.start();
    logger = new LoggerConfig(name, Level.INFO, true);
    logger.addAppender(appender, Level.INFO, null);
    config.addLogger(name, logger);
    context.updateLoggers();
  }

  static LogCapture of(String loggerName) {
    return new LogCapture(loggerName);
  }

  String text() {
    return text.toString();
  }

  @Override
  public void close() {
    context.getConfiguration().removeLogger(logger.getName());
    context.updateLoggers();
    appender.stop();
  }
}
