package org.deepslda.data;

import java.io.Serializable;

/**
 * One image of a stream.
 *
 * @param path the image's path relative to the image folder (e.g. {@code s1/o1/C_01_01_000.png}),
 *     as the filelist writes it; '/' separated, never absolute, never with {@code ..}
 * @param label the class index, 0-based, taken from the filelist line (never from the path)
 */
public record ImageRecord(String path, int label) implements Serializable {}
