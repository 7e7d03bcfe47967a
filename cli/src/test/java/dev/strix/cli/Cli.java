package dev.strix.cli;

import dev.strix.api.reference.CorePlugin;
import dev.strix.api.registry.Registry;
import dev.strix.api.registry.RegistryFactory;
import dev.strix.api.testkit.TestLayers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs the {@code strix} command in-process over a registry of test plugins only (the reference backend, the test
 * kit's layers, {@link TinyModels}, {@link FakeBackends}), capturing what it prints.
 */
final class Cli {
    private static final Registry REGISTRY = RegistryFactory.create(
            List.of(new CorePlugin(), TestLayers.plugin(), new TinyModels(), new FakeBackends()), List.of());

    /** What one invocation returned and printed. */
    record Result(int code, String out, String err) {
        /** Standard error's lines. */
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private Cli() {}

    static Registry registry() {
        return REGISTRY;
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = StrixCommand.commandLine(() -> REGISTRY);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
