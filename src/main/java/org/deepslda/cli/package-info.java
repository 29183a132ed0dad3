/**
 * The {@code slda} command line (picocli): one class per subcommand, each a thin layer that
 * binds flags and a YAML config to the options records of the lower stages and calls them.
 */
package org.deepslda.cli;
