package dev.strix.detection;

import java.awt.image.BufferedImage;
import java.util.List;

/** One way of finding objects in an image; owns the sessions it runs and frees them on close. */
interface DetectionMethod extends AutoCloseable {
    List<Detection> detect(BufferedImage image);

    @Override
    void close();
}
