package dev.strix.api.spi;

import dev.strix.api.Shape;
import dev.strix.api.ShapeException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Options a model family builds a variant with. Unset options take the variant's defaults.
 *
 * @param classes number of output classes, or null for the variant's default (1000 for ImageNet models)
 * @param input input shape without batch (C, H, W), or null for the variant's default
 * @param batch batch size of the built graph
 * @param width width multiplier (MobileNet's α), or null for 1.0
 * @param extra family-specific options such as {@code aux_logits=true}
 */
public record ModelOptions(Integer classes, Shape input, int batch, Double width, Map<String, String> extra) {

    public ModelOptions {
        if (classes != null && classes < 1) {
            throw new ShapeException("classes must be at least 1, got " + classes);
        }
        if (batch < 1) {
            throw new ShapeException("batch must be at least 1, got " + batch);
        }
        if (width != null && !(width > 0)) {
            throw new ShapeException("width multiplier must be positive, got " + width);
        }
        if (input != null && input.rank() != 3) {
            throw new ShapeException("input must be C,H,W (rank 3), got " + input);
        }
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    public static ModelOptions defaults() {
        return new ModelOptions(null, null, 1, null, Map.of());
    }

    public int classesOr(int fallback) {
        return classes == null ? fallback : classes;
    }

    public Shape inputOr(Shape fallback) {
        return input == null ? fallback : input;
    }

    public double widthOr(double fallback) {
        return width == null ? fallback : width;
    }

    public Optional<String> option(String key) {
        return Optional.ofNullable(extra.get(key));
    }

    public boolean flag(String key, boolean fallback) {
        return option(key).map(Boolean::parseBoolean).orElse(fallback);
    }

    public ModelOptions withClasses(int n) {
        return new ModelOptions(n, input, batch, width, extra);
    }

    public ModelOptions withInput(Shape chw) {
        return new ModelOptions(classes, chw, batch, width, extra);
    }

    public ModelOptions withBatch(int n) {
        return new ModelOptions(classes, input, n, width, extra);
    }

    public ModelOptions withWidth(double w) {
        return new ModelOptions(classes, input, batch, w, extra);
    }

    public ModelOptions withOption(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(extra);
        m.put(key, value);
        return new ModelOptions(classes, input, batch, width, m);
    }
}
