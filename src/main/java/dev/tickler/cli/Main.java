package dev.tickler.cli;

import picocli.CommandLine;

/** Entry point of {@code java -jar tickler.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code. */
    public static int execute(String... args) {
        return execute(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output streams (tests read them). */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        // picocli's defaults are ours: 2 for invalid input, 1 for an unexpected exception.
        return new CommandLine(new TicklerCommand()).setOut(out).setErr(err).execute(args);
    }
}
