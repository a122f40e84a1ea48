package dev.tickler.cli;

/** The process exit codes, as documented in the README. */
final class ExitCodes {
    static final int OK = 0;
    /** A mailbox or the state database failed at run time. */
    static final int RUNTIME_FAILURE = 1;
    /** Bad command line, configuration or templates. */
    static final int USAGE = 2;

    private ExitCodes() {
    }
}
