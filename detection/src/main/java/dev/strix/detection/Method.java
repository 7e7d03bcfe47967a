package dev.strix.detection;

import java.util.Locale;

/** The three ways a {@link Detector} finds objects. */
public enum Method {
    /** A model whose output is a detection head (YOLO exports, YOLOv1–v3, classification with localisation). */
    YOLO,
    /** A classifier converted to a fully convolutional network, scoring every window in one pass. */
    FCN,
    /** A classifier run on windows slid over the image at several scales. */
    WINDOW;

    /** The method called {@code name} (yolo, fcn, window), case-insensitively. */
    public static Method parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DetectionException("unknown detection method '" + name + "'; known: yolo, fcn, window");
        }
    }
}
