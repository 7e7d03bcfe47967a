package dev.strix.benchmarks;

import java.util.List;
import java.util.Optional;

/**
 * One model measured side by side: Strix on one backend and device against ONNX Runtime's CPU provider, with how
 * far each output is from PyTorch's.
 *
 * @param model the variant name (resnet50 …)
 * @param batch images per run
 * @param macs multiply-accumulates of one run (the whole batch)
 * @param backend Strix's backend name
 * @param device the device Strix ran on, in words
 * @param strix Strix's latencies
 * @param ort ONNX Runtime's latencies
 * @param strixError Strix's relative L2 error against PyTorch
 * @param ortError ONNX Runtime's relative L2 error against PyTorch
 * @param load the load averages (1, 5, 15 min) just after the timed runs: other processes make the numbers noisy
 * @param hostSteps layer types Strix ran on the host instead of the device, with their step counts ("gelu ×12");
 *     empty when every step ran as a kernel or the backend does not say
 */
public record Comparison(String model, int batch, long macs, String backend, String device, Latency strix,
        Latency ort, double strixError, double ortError, String load, List<String> hostSteps) {

    public Comparison {
        hostSteps = List.copyOf(hostSteps);
    }

    /** Strix's median latency over ONNX Runtime's: below 1 Strix is faster. */
    public double ratio() {
        return strix.median() / ort.median();
    }

    /** The target ratio for this model and batch, if it sets one. */
    public Optional<Double> target() {
        return Targets.maxRatio(model, batch);
    }

    /** "met", "missed" or "no target". */
    public String verdict() {
        return target().map(t -> ratio() <= t ? "met" : "missed").orElse("no target");
    }

    /** Whether both engines agree with PyTorch within {@link Agreement#TOLERANCE}. */
    public boolean outputsAgree() {
        return Agreement.agrees(strixError) && Agreement.agrees(ortError);
    }
}
