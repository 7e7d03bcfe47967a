package dev.strix.cli.commands;

import dev.strix.api.spi.ModelFamily;
import dev.strix.cli.output.Json;
import dev.strix.cli.output.Table;
import dev.strix.cli.options.FormatArg;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code strix models}: the model families the registry holds, with their variants. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the model families of every plugin, with their variants.")
public final class ModelsCommand extends Subcommand {
    @Mixin
    private FormatArg format;

    /** One family as the json form shows it. */
    record FamilyReport(String family, List<String> variants, String description) {}

    /** What {@code strix models --format json} prints. */
    record Report(List<FamilyReport> families) {}

    @Override
    public Integer call() {
        List<FamilyReport> families = root.registry().modelFamilies().values().stream()
                .map(ModelsCommand::describe).toList();
        if (format.json()) {
            Json.print(root.out(), new Report(families));
            return 0;
        }
        Table t = new Table().left("FAMILY").left("VARIANTS").left("DESCRIPTION");
        for (FamilyReport f : families) {
            t.row(f.family(), String.join(", ", f.variants()), f.description());
        }
        t.print(root.out());
        return 0;
    }

    private static FamilyReport describe(ModelFamily f) {
        return new FamilyReport(f.name(), f.variants().stream().sorted().toList(), f.description());
    }
}
