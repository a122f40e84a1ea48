package dev.tickler.cli;

import picocli.CommandLine;

/** Entry point of {@code java -jar tickler.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (tests call this). */
    public static int execute(String... args) {
        // picocli's defaults are ours: 2 for invalid input, 1 for an unexpected exception.
        return new CommandLine(new TicklerCommand()).execute(args);
    }
}
