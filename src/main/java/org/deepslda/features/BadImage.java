package org.deepslda.features;

import java.io.Serializable;

/**
 * An image that could not be turned into features.
 *
 * @param path the path relative to the image folder
 * @param reason what is wrong, naming the file (missing, empty, not an image, truncated, ...)
 */
public record BadImage(String path, String reason) implements Serializable {}
