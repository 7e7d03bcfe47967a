package dev.strix.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns what goes wrong into the exit codes the {@code strix} command promises: 2 for bad usage (an unknown option,
 * a malformed value, a model or backend name nobody provides) with a hint where to find help, 1 for a failure with
 * a one-line reason, and the full stack trace when {@code --verbose} was given.
 */
public final class ErrorHandlers {
    public static final int SUCCESS = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    private ErrorHandlers() {}

    /** Bad usage: the message and where to find help; exit code 2. */
    static IParameterExceptionHandler usage() {
        return (ParameterException e, String[] args) -> {
            CommandLine cmd = e.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println("strix: " + e.getMessage());
            if (verbose(cmd.getParseResult())) {
                e.printStackTrace(err);
            }
            err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            err.flush();
            return USAGE;
        };
    }

    /** A failure while running: one line naming the reason, or the whole trace with --verbose; exit code 1. */
    static IExecutionExceptionHandler failure() {
        return (Exception e, CommandLine cmd, ParseResult parsed) -> {
            PrintWriter err = cmd.getErr();
            if (verbose(parsed)) {
                e.printStackTrace(err);
            } else {
                err.println("strix: " + oneLine(e));
            }
            err.flush();
            return FAILURE;
        };
    }

    /** The message on one line (Strix messages may list names on further lines), with the cause's if it has none. */
    public static String oneLine(Throwable t) {
        Throwable shown = t;
        while (shown.getMessage() == null && shown.getCause() != null) {
            shown = shown.getCause();
        }
        String m = shown.getMessage() == null ? shown.getClass().getName() : shown.getMessage();
        if (!(shown instanceof dev.strix.api.StrixException)) {
            m = shown.getClass().getSimpleName() + ": " + m;
        }
        return m.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    /** Whether --verbose appeared at any level of the command line. */
    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
