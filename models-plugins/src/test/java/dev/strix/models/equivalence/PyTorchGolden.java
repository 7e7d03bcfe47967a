package dev.strix.models.equivalence;

import dev.strix.api.Tensor;
import dev.strix.api.weights.Weights;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code tools/golden/models.py} under Debian's {@code /usr/bin/python3} (system property {@code strix.python}
 * overrides it) to make a model's weights, a batch-2 input and PyTorch's output. Where that interpreter cannot
 * import torch and torchvision the calling test is skipped with a message saying so.
 */
final class PyTorchGolden {
    private static final String PYTHON = System.getProperty("strix.python", "/usr/bin/python3");
    private static final long TIMEOUT_MINUTES = 10;
    private static volatile String unavailable;
    private static volatile boolean probed;

    /** What the generator wrote: the state_dict, the input and every output in order. */
    record Golden(Weights weights, Tensor input, List<Tensor> outputs) {}

    private PyTorchGolden() {}

    /** Skips the calling test (visibly, with the reason) unless PyTorch can be run. */
    static void assumeAvailable() {
        if (!probed) {
            synchronized (PyTorchGolden.class) {
                if (!probed) {
                    unavailable = probe();
                    probed = true;
                }
            }
        }
        Assumptions.assumeTrue(unavailable == null, () -> "skipped: PyTorch equivalence needs " + PYTHON
                + " with python3-torch and python3-torchvision (tools/install-deps.sh installs them): " + unavailable);
    }

    /** Generates the golden data of {@code c} into {@code dir} and reads it back. */
    static Golden generate(EquivalenceCase c, Path dir) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(PYTHON, script().toString(), "--model", c.variant(), "--out",
                dir.toString()));
        cmd.addAll(c.generatorArguments());
        String log = run(cmd, dir.resolve("generator.log"));
        if (log != null) {
            throw new AssertionError("golden generator failed for " + c + ":\n" + log);
        }
        Weights io = Weights.read(dir.resolve("io.safetensors"));
        List<Tensor> outputs = new ArrayList<>();
        for (int i = 0; io.get("output." + i) != null; i++) {
            outputs.add(io.get("output." + i));
        }
        return new Golden(Weights.read(dir.resolve("weights.safetensors")), io.get("input"), outputs);
    }

    /** Null when the interpreter imports torch and torchvision, else why not. */
    private static String probe() {
        if (!Files.isExecutable(Paths.get(PYTHON))) {
            return PYTHON + " does not exist";
        }
        try {
            Path log = Files.createTempFile("strix-torch-probe", ".log");
            try {
                return run(List.of(PYTHON, "-c", "import torch, torchvision"), log);
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Runs {@code cmd} with its output in {@code log}; null on success, else the exit status and the log. */
    private static String run(List<String> cmd, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return "timed out after " + TIMEOUT_MINUTES + " minutes: " + String.join(" ", cmd);
        }
        if (p.exitValue() == 0) {
            return null;
        }
        return "exit " + p.exitValue() + " from " + String.join(" ", cmd) + "\n"
                + Files.readString(log, StandardCharsets.UTF_8);
    }

    /** tools/golden/models.py, found from the working directory upwards (Maven runs tests in the module). */
    private static Path script() {
        for (Path d = Paths.get("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path s = d.resolve("tools/golden/models.py");
            if (Files.isRegularFile(s)) {
                return s;
            }
        }
        throw new IllegalStateException("tools/golden/models.py not found above " + Paths.get("").toAbsolutePath());
    }
}
