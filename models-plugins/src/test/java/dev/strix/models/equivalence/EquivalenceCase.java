package dev.strix.models.equivalence;

import dev.strix.api.Shape;
import dev.strix.api.spi.ModelOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the equivalence table: a variant, the input (C, H, W) to run it at with batch 2, and model options.
 * Option {@code width} becomes {@link ModelOptions#width}; every other option is passed through as an extra option.
 * The same options go to {@code tools/golden/models.py} as {@code --option key=value}.
 */
public record EquivalenceCase(String variant, Shape input, Map<String, String> options) {
    public static final int BATCH = 2;

    public EquivalenceCase {
        options = Map.copyOf(options);
    }

    /** {@code variant} at C×H×W without options. */
    public static EquivalenceCase of(String variant, int c, int h, int w) {
        return new EquivalenceCase(variant, Shape.of(c, h, w), Map.of());
    }

    /** This case with one more option. */
    public EquivalenceCase with(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(options);
        m.put(key, value);
        return new EquivalenceCase(variant, input, m);
    }

    /** The Strix model options of this case. */
    public ModelOptions modelOptions() {
        ModelOptions o = ModelOptions.defaults().withInput(input).withBatch(BATCH);
        for (var e : options.entrySet()) {
            o = e.getKey().equals("width") ? o.withWidth(Double.parseDouble(e.getValue()))
                    : o.withOption(e.getKey(), e.getValue());
        }
        return o;
    }

    /** Arguments for the generator after {@code --model … --out …}. */
    public List<String> generatorArguments() {
        List<String> args = new ArrayList<>(List.of("--input", String.valueOf(input.dim(0)),
                String.valueOf(input.dim(1)), String.valueOf(input.dim(2)), "--batch", String.valueOf(BATCH)));
        options.forEach((k, v) -> {
            args.add("--option");
            args.add(k + "=" + v);
        });
        return args;
    }

    @Override
    public String toString() {
        String dims = input.dim(0) + "x" + input.dim(1) + "x" + input.dim(2);
        return variant + " " + dims + (options.isEmpty() ? "" : " " + options);
    }
}
