package dev.strix.cli.commands;

import dev.strix.api.spi.LayerType;
import dev.strix.cli.output.Json;
import dev.strix.cli.output.Table;
import dev.strix.cli.options.FormatArg;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code strix layers}: the layer types the registry holds. */
@Command(name = "layers", mixinStandardHelpOptions = true, description = "List the layer types of every plugin.")
public final class LayersCommand extends Subcommand {
    @Mixin
    private FormatArg format;

    /** One layer type as the json form shows it. */
    record LayerReport(String name, boolean composite, String description) {}

    /** What {@code strix layers --format json} prints. */
    record Report(List<LayerReport> layers) {}

    @Override
    public Integer call() {
        List<LayerReport> layers = root.registry().layerTypes().values().stream()
                .map(LayersCommand::describe).toList();
        if (format.json()) {
            Json.print(root.out(), new Report(layers));
            return 0;
        }
        Table t = new Table().left("LAYER").left("KIND").left("DESCRIPTION");
        for (LayerReport l : layers) {
            t.row(l.name(), l.composite() ? "composite" : "primitive", l.description());
        }
        t.print(root.out());
        return 0;
    }

    private static LayerReport describe(LayerType t) {
        return new LayerReport(t.name(), t.isComposite(), t.description());
    }
}
