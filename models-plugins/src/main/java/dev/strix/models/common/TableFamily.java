package dev.strix.models.common;

import dev.strix.api.Shape;
import dev.strix.api.UnknownNameException;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphBuilder;
import dev.strix.api.graph.Value;
import dev.strix.api.spi.LayerTypes;
import dev.strix.api.spi.ModelFamily;
import dev.strix.api.spi.ModelOptions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A model family whose variants are the rows of a table, variant name to configuration record (ResNet's
 * {@code resnet50 → Bottleneck, [3, 4, 6, 3]}). It checks the variant and the options, declares the graph input
 * {@value #INPUT} of shape [batch, C, H, W] and records the family and variant as metadata; a subclass builds the
 * body from the configuration.
 *
 * @param <C> the configuration record of one variant
 */
public abstract class TableFamily<C> implements ModelFamily {
    /** The name of every model's image input. */
    public static final String INPUT = "input";

    private final String name;
    private final String description;
    private final Map<String, C> table;

    /** {@code table} keeps its iteration order: variants are listed as given. */
    protected TableFamily(String name, String description, Map<String, C> table) {
        this.name = name;
        this.description = description;
        this.table = Collections.unmodifiableMap(new LinkedHashMap<>(table));
        if (this.table.isEmpty()) {
            throw new IllegalArgumentException("family " + name + " has no variants");
        }
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<String> variants() {
        return List.copyOf(table.keySet());
    }

    /** The configuration of {@code variant}; fails listing this family's variants. */
    public final C config(String variant) {
        C c = table.get(variant);
        if (c == null) {
            throw new UnknownNameException(name + " variant", variant, table.keySet());
        }
        return c;
    }

    @Override
    public final Graph build(String variant, ModelOptions options, LayerTypes layers) {
        C config = config(variant);
        checkOptions(variant, options);
        Shape chw = options.inputOr(defaultInput(config, options));
        GraphBuilder b = new GraphBuilder(layers);
        b.metadata("family", name).metadata("variant", variant);
        Value x = b.input(INPUT, Shape.of(options.batch(), chw.dim(0), chw.dim(1), chw.dim(2)));
        return b.build(outputs(new Net(b), x, config, options));
    }

    /** The input (C, H, W) a variant is defined for; the caller may override it with {@link ModelOptions#input}. */
    protected abstract Shape defaultInput(C config);

    /** The default input when it depends on options too (MobileNet's resolution multiplier). */
    protected Shape defaultInput(C config, ModelOptions options) {
        return defaultInput(config);
    }

    /** Adds the variant's nodes after {@code input} and returns the output (logits). */
    protected abstract Value body(Net net, Value input, C config, ModelOptions options);

    /**
     * The graph's outputs: {@link #body}'s by default. A family whose options add outputs (auxiliary classifiers)
     * overrides this, putting the main output first.
     */
    protected List<Value> outputs(Net net, Value input, C config, ModelOptions options) {
        return List.of(body(net, input, config, options));
    }

    /** The {@link ModelOptions#extra} keys this family understands; others are rejected. None by default. */
    protected Set<String> optionNames() {
        return Set.of();
    }

    /** Whether this family has a width multiplier; without one, any width other than 1 is rejected. */
    protected boolean hasWidthMultiplier() {
        return false;
    }

    private void checkOptions(String variant, ModelOptions options) {
        Set<String> known = optionNames();
        for (String key : options.extra().keySet()) {
            if (!known.contains(key)) {
                throw new ModelOptionException("option '" + key + "' means nothing to " + variant + "; "
                        + (known.isEmpty() ? "it takes no options" : "it knows " + new TreeSet<>(known)));
            }
        }
        if (!hasWidthMultiplier() && options.width() != null && options.width() != 1.0) {
            throw new ModelOptionException(variant + " has no width multiplier; got width " + options.width());
        }
    }

    /** A boolean option, accepting only {@code true} or {@code false} (any case). */
    protected static boolean flag(ModelOptions options, String key, boolean fallback) {
        String v = options.extra().get(key);
        if (v == null) {
            return fallback;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ModelOptionException("option '" + key + "' must be true or false, got '" + v + "'");
        };
    }

    /**
     * Whether the optional heads under {@code prefixes} (auxiliary classifiers, …) are built: the boolean option
     * {@code key}, false by default. Left out, their tensors in a weights file are reported and ignored, through
     * the graph's {@link Graph#IGNORED_WEIGHT_PREFIXES}.
     */
    protected static boolean optionalHeads(Net net, ModelOptions options, String key, String... prefixes) {
        boolean on = flag(options, key, false);
        if (!on) {
            net.metadata(Graph.IGNORED_WEIGHT_PREFIXES, String.join(",", prefixes));
        }
        return on;
    }

    /** A positive number option. */
    protected static double positive(ModelOptions options, String key, double fallback) {
        String v = options.extra().get(key);
        if (v == null) {
            return fallback;
        }
        double d;
        try {
            d = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new ModelOptionException("option '" + key + "' must be a number, got '" + v + "'");
        }
        if (!(d > 0) || Double.isInfinite(d)) {
            throw new ModelOptionException("option '" + key + "' must be positive, got '" + v + "'");
        }
        return d;
    }

    /** A string option restricted to {@code allowed}. */
    protected static String choice(ModelOptions options, String key, String fallback, Set<String> allowed) {
        String v = options.extra().getOrDefault(key, fallback);
        if (!allowed.contains(v)) {
            throw new ModelOptionException("option '" + key + "' must be one of " + new TreeSet<>(allowed)
                    + ", got '" + v + "'");
        }
        return v;
    }
}
