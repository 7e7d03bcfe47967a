package dev.strix.layers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strix.api.Attributes;
import dev.strix.api.Tensor;
import dev.strix.api.weights.Weights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one layer's golden file written by tools/golden (see LAYERS.md): per case its inputs, parameters (by local
 * name), PyTorch's outputs, attributes and tolerance.
 */
public final class GoldenFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One configuration of a layer with PyTorch's answer. */
    public record Case(String name, List<Tensor> inputs, Map<String, Tensor> params, List<Tensor> outputs,
            Attributes attributes, double tolerance) {
        @Override
        public String toString() {
            return name + " " + attributes;
        }
    }

    private GoldenFile() {}

    /** Every case of {@code layer}, from {@code /golden/<layer>.safetensors} on the test class path. */
    public static List<Case> read(String layer) {
        URL url = GoldenFile.class.getResource("/golden/" + layer + ".safetensors");
        if (url == null) {
            throw new IllegalStateException("no golden file for layer '" + layer + "'; run tools/golden");
        }
        Weights w;
        try {
            w = Weights.read(Path.of(url.toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Case> cases = new ArrayList<>();
        for (var e : w.metadata().entrySet()) {
            String name = e.getKey();
            JsonNode meta;
            try {
                meta = JSON.readTree(e.getValue());
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            cases.add(new Case(name, indexed(w, name + ".input."), params(w, name + ".param."),
                    indexed(w, name + ".output."), attributes(meta.get("attributes")),
                    meta.get("tolerance").asDouble()));
        }
        if (cases.isEmpty()) {
            throw new IllegalStateException("golden file for '" + layer + "' has no cases");
        }
        return cases;
    }

    private static List<Tensor> indexed(Weights w, String prefix) {
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; w.get(prefix + i) != null; i++) {
            out.add(w.get(prefix + i));
        }
        return out;
    }

    private static Map<String, Tensor> params(Weights w, String prefix) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        w.floats().forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                m.put(k.substring(prefix.length()), v);
            }
        });
        return m;
    }

    /** JSON ints → int, floats → double, booleans, strings, int lists → int[], float lists → double[]. */
    static Attributes attributes(JsonNode node) {
        Attributes.Builder b = Attributes.builder();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            var e = it.next();
            JsonNode v = e.getValue();
            String k = e.getKey();
            if (v.isInt() || v.isLong()) {
                b.put(k, v.asInt());
            } else if (v.isNumber()) {
                b.put(k, v.asDouble());
            } else if (v.isBoolean()) {
                b.put(k, v.asBoolean());
            } else if (v.isTextual()) {
                b.put(k, v.asText());
            } else if (v.isArray()) {
                boolean ints = true;
                for (JsonNode x : v) {
                    ints &= x.isInt() || x.isLong();
                }
                if (ints) {
                    int[] a = new int[v.size()];
                    for (int i = 0; i < a.length; i++) {
                        a[i] = v.get(i).asInt();
                    }
                    b.put(k, a);
                } else {
                    double[] a = new double[v.size()];
                    for (int i = 0; i < a.length; i++) {
                        a[i] = v.get(i).asDouble();
                    }
                    b.put(k, a);
                }
            } else {
                throw new IllegalArgumentException("attribute " + k + " has unsupported JSON " + v);
            }
        }
        return b.build();
    }
}
