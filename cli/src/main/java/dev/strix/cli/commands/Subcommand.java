package dev.strix.cli.commands;

import dev.strix.cli.StrixCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every {@code strix} subcommand has: the root (registry, output streams) and its own spec (for errors). */
abstract class Subcommand implements Callable<Integer> {
    @ParentCommand
    protected StrixCommand root;

    @Spec
    protected CommandSpec spec;
}
