package dev.strix.cli.commands;

import dev.strix.api.Shape;
import dev.strix.api.graph.Graph;
import dev.strix.api.graph.GraphInput;
import dev.strix.api.spi.Backend;
import dev.strix.api.spi.SessionOptions;
import dev.strix.cli.options.BackendArgs;
import dev.strix.cli.options.FormatArg;
import dev.strix.cli.options.InputSizeArg;
import dev.strix.cli.options.ModelArgs;
import dev.strix.cli.output.Json;
import dev.strix.cli.output.Table;
import dev.strix.cli.output.Units;
import dev.strix.cli.summary.GraphSummary;
import dev.strix.cli.summary.GraphSummary.NodeRow;
import dev.strix.cli.summary.PlanDescriber;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code strix summary MODEL}: a row per node (name, layer type, output shape, parameters, MACs, activation
 * memory) and the totals; with {@code --backend NAME}, that backend's memory plan where it offers one through a
 * {@link PlanDescriber}.
 */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Show a model's nodes with output shapes, parameters, MACs and activation memory.")
public final class SummaryCommand extends Subcommand {
    @Mixin
    private ModelArgs model;

    @Mixin
    private InputSizeArg input;

    @Mixin
    private FormatArg format;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "1", description = "Batch size (default: 1).")
    private int batch;

    @Option(names = "--backend", paramLabel = "NAME",
            description = "Also show this backend's memory plan, where the backend offers one.")
    private String backend;

    @Option(names = "--device", paramLabel = "ID", description = "Device the plan is made for (with --backend).")
    private String device;

    /** What {@code strix summary --format json} prints. */
    record Report(String model, Map<String, List<Integer>> inputs, List<List<Integer>> outputs, long parameters,
            long macs, long activationBytes, long peakActivationBytes, List<NodeReport> nodes, String backend,
            Map<String, Object> plan) {}

    /** One node as the json form shows it. */
    record NodeReport(String name, String type, List<List<Integer>> outputShapes, long parameters, long macs,
            long activationBytes) {}

    @Override
    public Integer call() {
        if (batch < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--batch must be at least 1, got " + batch);
        }
        if (device != null && backend == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--device chooses the device of a backend's plan; name the backend with --backend");
        }
        Backend planned = backend == null ? null : BackendArgs.named(root.registry(), spec, backend);
        Graph graph = model.build(root.registry(), spec, batch, input.shape());
        GraphSummary s = GraphSummary.of(graph);
        PlanDescriber.Plan plan = planned == null ? null : plan(planned, graph);
        PrintWriter out = root.out();
        if (format.json()) {
            Map<String, List<Integer>> inputs = new LinkedHashMap<>();
            for (GraphInput in : s.inputs()) {
                inputs.put(in.name(), dims(in.shape()));
            }
            List<NodeReport> nodes = s.nodes().stream().map(n -> new NodeReport(n.name(), n.type(),
                    n.outputShapes().stream().map(SummaryCommand::dims).toList(), n.parameters(), n.macs(),
                    n.activationBytes())).toList();
            Json.print(out, new Report(model.name(), inputs, s.outputs().stream().map(SummaryCommand::dims).toList(),
                    s.parameters(), s.macs(), s.activationBytes(), s.peakActivationBytes(), nodes, backend, plan == null ? null : plan.facts()));
            return 0;
        }
        out.println(model.name() + ": input " + s.inputs().stream().map(i -> i.name() + " " + i.shape())
                .collect(Collectors.joining(", ")) + ", output " + s.outputs().stream().map(Shape::toString)
                .collect(Collectors.joining(", ")));
        out.println();
        Table t = new Table().left("NODE").left("TYPE").left("OUTPUT").right("PARAMS").right("MACS")
                .right("ACTIVATIONS");
        for (NodeRow n : s.nodes()) {
            t.row(n.name(), n.type(), shapes(n.outputShapes()), Units.count(n.parameters()), Units.count(n.macs()),
                    Units.bytes(n.activationBytes()));
        }
        t.totals("total (" + s.nodes().size() + " nodes)", "", "", Units.count(s.parameters()),
                Units.count(s.macs()), Units.bytes(s.activationBytes()));
        t.print(out);
        out.println();
        out.println("parameters:  " + Units.count(s.parameters()) + " (" + Units.bytes(s.parameters() * Float.BYTES)
                + " as float32)");
        out.println("MACs:        " + Units.si(s.macs()) + " per forward pass at batch " + batch + " (FLOPs = 2 x MACs = "
                + Units.si(2.0 * s.macs()) + ")");
        out.println("activations: " + Units.bytes(s.activationBytes()) + " in all, peak "
                + Units.bytes(s.peakActivationBytes()) + " alive at once (each freed after its last reader)");
        if (backend != null) {
            printPlan(out, plan);
        }
        out.flush();
        return 0;
    }

    /** The plan of the backend asked for, or null when no describer knows it. */
    private PlanDescriber.Plan plan(Backend planned, Graph graph) {
        SessionOptions options = SessionOptions.defaults().withDevice(device);
        for (PlanDescriber d : ServiceLoader.load(PlanDescriber.class, SummaryCommand.class.getClassLoader())) {
            if (d.backend().equals(backend)) {
                return d.describe(planned, graph, options);
            }
        }
        return null;
    }

    private void printPlan(PrintWriter out, PlanDescriber.Plan plan) {
        out.println();
        if (plan == null) {
            out.println("memory plan: backend '" + backend + "' offers none");
            return;
        }
        out.println("plan of backend '" + backend + "':");
        out.print(plan.text().endsWith("\n") ? plan.text() : plan.text() + "\n");
    }

    private static List<Integer> dims(Shape s) {
        return java.util.Arrays.stream(s.toArray()).boxed().toList();
    }

    private static String shapes(List<Shape> shapes) {
        return shapes.stream().map(Shape::toString).collect(Collectors.joining(" "));
    }
}
