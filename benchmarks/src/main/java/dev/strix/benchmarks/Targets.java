package dev.strix.benchmarks;

import java.util.Map;
import java.util.Optional;

/**
 * The latency targets of issue 6 on the 2-core AVX-512 CPU through PoCL: the largest Strix/ONNX Runtime latency
 * ratio each model may reach. Models without a target are measured and reported without a verdict.
 */
public final class Targets {
    private static final Map<String, Double> BATCH_ONE = Map.of(
            "resnet50", 1.5, "convnext_tiny", 1.5, "vit_b_16", 1.5, "mobilenet_v2", 2.0);
    private static final Map<String, Double> BATCH_EIGHT = Map.of("resnet50", 1.25);

    private Targets() {}

    /** The largest allowed ratio for {@code model} at {@code batch}, if the issue sets one. */
    public static Optional<Double> maxRatio(String model, int batch) {
        Map<String, Double> table = batch == 1 ? BATCH_ONE : batch == 8 ? BATCH_EIGHT : Map.of();
        return Optional.ofNullable(table.get(model));
    }
}
