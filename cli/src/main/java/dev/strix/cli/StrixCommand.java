package dev.strix.cli;

import dev.strix.api.registry.Registry;
import dev.strix.cli.commands.BenchCommand;
import dev.strix.cli.commands.DetectCommand;
import dev.strix.cli.commands.DevicesCommand;
import dev.strix.cli.commands.InitCommand;
import dev.strix.cli.commands.InputCommand;
import dev.strix.cli.commands.LayersCommand;
import dev.strix.cli.commands.ModelsCommand;
import dev.strix.cli.commands.RunCommand;
import dev.strix.cli.commands.SummaryCommand;
import java.io.PrintWriter;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The root of the {@code strix} command. Subcommands reach the registry and the output streams through it, so a
 * test can run the whole command in-process over a registry of its own and capture what it prints.
 */
@Command(name = "strix", mixinStandardHelpOptions = true, versionProvider = StrixCommand.Version.class,
        description = "Runs vision models and detectors on OpenCL devices.",
        subcommands = {DevicesCommand.class, LayersCommand.class, ModelsCommand.class, SummaryCommand.class,
            InitCommand.class, InputCommand.class, RunCommand.class, BenchCommand.class, DetectCommand.class, CommandLine.HelpCommand.class})
public final class StrixCommand implements Runnable {
    private final Supplier<Registry> registry;
    private Registry built;

    @Spec
    private CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print the full stack trace when something fails.")
    private boolean verbose;

    StrixCommand(Supplier<Registry> registry) {
        this.registry = registry;
    }

    /** The command line over {@code registry}, with Strix's exit codes and error messages. */
    public static CommandLine commandLine(Supplier<Registry> registry) {
        CommandLine cmd = new CommandLine(new StrixCommand(registry));
        cmd.setParameterExceptionHandler(ErrorHandlers.usage());
        cmd.setExecutionExceptionHandler(ErrorHandlers.failure());
        return cmd;
    }

    /** The registry, built on first use so that {@code --help} never loads a plugin. */
    public Registry registry() {
        if (built == null) {
            built = registry.get();
        }
        return built;
    }

    /** Where results go. */
    public PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Where messages about the run go (the backend chosen, files written). */
    public PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = StrixCommand.class.getPackage().getImplementationVersion();
            return new String[] {"strix " + (v == null ? "(development build)" : v)};
        }
    }
}
