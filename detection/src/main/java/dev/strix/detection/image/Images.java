package dev.strix.detection.image;

import dev.strix.api.StrixException;
import dev.strix.api.weights.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads and writes image files through javax.imageio. Reading fails with an {@link ImageException} naming the file
 * when it is missing, empty, of an unknown format, corrupt or truncated; a decoder warning (a JPEG cut short is
 * decoded with grey filler and only a warning) counts as a failure, so a damaged file never passes as an image.
 */
public final class Images {
    private static final String FORMATS = "PNG, JPEG or BMP";

    private Images() {}

    /** Reads the first image of {@code file}. */
    public static BufferedImage read(Path file) {
        if (!Files.exists(file)) {
            throw new ImageException(file + ": no such image file");
        }
        if (!Files.isRegularFile(file)) {
            throw new ImageException(file + ": not a regular file, cannot read it as an image");
        }
        try {
            if (Files.size(file) == 0) {
                throw new ImageException(file + ": the image file is empty (0 bytes)");
            }
        } catch (IOException e) {
            throw new ImageException(file + ": cannot read: " + e.getMessage(), e);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new ImageException(file + ": cannot open the image file");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageException(file + ": not a " + FORMATS + " image (format not recognised)");
            }
            return decode(file, readers.next(), in);
        } catch (IOException e) {
            throw new ImageException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static BufferedImage decode(Path file, ImageReader reader, ImageInputStream in) {
        List<String> warnings = new ArrayList<>();
        IIOReadWarningListener listener = (source, warning) -> warnings.add(warning);
        String format = "image";
        try {
            format = reader.getFormatName().toUpperCase(java.util.Locale.ROOT);
            reader.addIIOReadWarningListener(listener);
            reader.setInput(in, true, true);
            BufferedImage image = reader.read(0);
            if (!warnings.isEmpty()) {
                throw new ImageException(file + ": corrupt or truncated " + format + " image: "
                        + String.join("; ", warnings));
            }
            if (image.getWidth() < 1 || image.getHeight() < 1) {
                throw new ImageException(file + ": the " + format + " image has no pixels (" + image.getWidth()
                        + "×" + image.getHeight() + ")");
            }
            return image;
        } catch (StrixException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Decoders signal damaged data with IIOException, EOFException or, for some BMP headers, runtime
            // exceptions such as NegativeArraySizeException; all mean the same to the caller.
            throw new ImageException(file + ": corrupt or truncated " + format + " image: " + describe(e), e);
        } finally {
            reader.dispose();
        }
    }

    private static String describe(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (b.length() > 0) {
                b.append(": ");
            }
            b.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        }
        return b.toString();
    }

    /** Writes {@code image} as a PNG file, atomically: the file appears complete or not at all. */
    public static void writePng(Path file, BufferedImage image) {
        try {
            AtomicFiles.write(file, tmp -> {
                if (!ImageIO.write(image, "png", tmp.toFile())) {
                    throw new IOException("no PNG writer for image type " + image.getType());
                }
            });
        } catch (StrixException e) {
            throw new ImageException(file + ": cannot write the PNG image: " + e.getMessage(), e);
        }
    }
}
