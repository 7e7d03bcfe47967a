package dev.strix.benchmarks;

import dev.strix.api.Strix;
import dev.strix.api.StrixException;
import dev.strix.api.Tensor;
import dev.strix.api.graph.Graph;
import dev.strix.api.registry.Registry;
import dev.strix.api.spi.ModelOptions;
import dev.strix.api.spi.Session;
import dev.strix.api.spi.SessionOptions;
import dev.strix.api.weights.AtomicFiles;
import dev.strix.api.weights.Weights;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Strix against ONNX Runtime, side by side: for each model, the same weights go into Strix (safetensors) and ONNX
 * Runtime (ONNX), both outputs are checked against PyTorch's, then both are warmed up and timed in alternation.
 * Prints a line per model and, at the end, the Markdown table for BENCHMARKS.md. Exits with 1 when a model fails
 * or an engine disagrees with PyTorch. Options: see {@link Plan}.
 */
public final class SideBySide {
    private final Plan plan;
    private final Registry registry;
    private final PrintStream out;

    SideBySide(Plan plan, Registry registry, PrintStream out) {
        this.plan = plan;
        this.registry = registry;
        this.out = out;
    }

    public static void main(String[] args) {
        Plan plan;
        try {
            plan = Plan.parse(args);
        } catch (BenchmarkException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new SideBySide(plan, Strix.registry(), System.out).runAll());
    }

    /** Runs every case of the plan; returns the exit status. */
    int runAll() {
        Machine m = Machine.current();
        out.printf("machine: %s, %d processors, %s; load average at start %s; %s%n", m.cpu(), m.cores(), m.jvm(),
                m.loadAverage(), m.utc());
        out.printf("ONNX Runtime %s, CPU provider, %d intra-op threads; Strix backend %s; %d warm-up + %d timed "
                + "runs each, alternating, %d ms idle before each timed run%n", OrtModel.version(), plan.threads(),
                plan.backend(), plan.warmup(), plan.runs(), plan.gapMillis());
        List<Comparison> done = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Plan.Case c : plan.cases()) {
            try {
                Comparison r = measure(c);
                done.add(r);
                out.println(Report.line(r));
            } catch (StrixException e) {
                failed.add(c.model() + " b" + c.batch() + ": " + e.getMessage());
                out.println(c.model() + " b" + c.batch() + " FAILED: " + e.getMessage());
            }
        }
        String table = Report.markdown(done);
        out.println();
        out.print(table);
        failed.forEach(f -> out.println("| failed | " + f + " |"));
        if (plan.markdown() != null) {
            byte[] text = (table + String.join("\n", failed)).getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(plan.markdown(), tmp -> Files.write(tmp, text));
        }
        boolean allAgree = done.stream().allMatch(Comparison::outputsAgree);
        return failed.isEmpty() && allAgree ? 0 : 1;
    }

    private Comparison measure(Plan.Case c) {
        ModelFiles files = ModelFiles.under(plan.dir(), c.model());
        Weights io = Weights.read(files.io(c.batch()));
        Tensor input = required(io, "input", files);
        Tensor expected = required(io, "output", files);
        Graph graph = registry.model(c.model(), ModelOptions.defaults().withBatch(c.batch()));
        SessionOptions options = SessionOptions.defaults().withDevice(plan.device());
        try (Session strix = registry.backend(plan.backend()).compile(graph, Weights.read(files.weights()), options);
                OrtModel ort = OrtModel.load(files.onnx(), plan.threads())) {
            double strixError = Agreement.relativeL2(strix.run(input).data(), expected.data());
            double ortError = Agreement.relativeL2(ort.run(input), expected.data());
            Alternation.Result t = new Alternation(System::nanoTime, plan.gapMillis())
                    .time(() -> strix.run(input), () -> ort.run(input), plan.warmup(), plan.runs());
            return new Comparison(c.model(), c.batch(), graph.macs(), strix.backend(), strix.device(), t.a(), t.b(),
                    strixError, ortError, Machine.currentLoad(), HostSteps.of(strix));
        }
    }

    private static Tensor required(Weights io, String name, ModelFiles files) {
        Tensor t = io.get(name);
        if (t == null) {
            throw new BenchmarkException(io.source() + " has no tensor '" + name + "'; re-export with "
                    + files.exportCommand(1));
        }
        return t;
    }
}
