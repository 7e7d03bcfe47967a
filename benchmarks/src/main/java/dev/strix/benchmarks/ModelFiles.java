package dev.strix.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files tools/onnx/export.py writes for one model into {@code <root>/<model>}: weights.safetensors,
 * model.onnx and io-b{N}.safetensors per batch size.
 */
public record ModelFiles(Path dir, String model) {

    /** The export of {@code model} under {@code root}. */
    public static ModelFiles under(Path root, String model) {
        return new ModelFiles(root.resolve(model), model);
    }

    public Path weights() {
        return existing(dir.resolve("weights.safetensors"), 1);
    }

    public Path onnx() {
        return existing(dir.resolve("model.onnx"), 1);
    }

    /** The sample input and PyTorch's output at {@code batch}. */
    public Path io(int batch) {
        return existing(dir.resolve("io-b" + batch + ".safetensors"), batch);
    }

    /** The command that writes the missing files, as the error message quotes it. */
    public String exportCommand(int batch) {
        return "/usr/bin/python3 tools/onnx/export.py --model " + model + " --batches " + batch + " --out " + dir;
    }

    private Path existing(Path p, int batch) {
        if (!Files.isRegularFile(p)) {
            throw new BenchmarkException("missing " + p + " for model '" + model + "': export it first with "
                    + exportCommand(batch));
        }
        return p;
    }
}
