package dev.tickler.cli;

import dev.tickler.demo.DemoWorld;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start an embedded mail server with a small sales world, run two passes, and show what Tickler did.")
final class DemoCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--keep-running", description = "Leave the mail server up afterwards and print how to connect a mail client.")
    boolean keepRunning;

    /** The demo prints its own story; routine INFO logs would only interleave with it. */
    private static void quietLogs() {
        if (System.getenv("TICKLER_LOG_LEVEL") == null
                && org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        Clock clock = options.clock(spec);
        quietLogs();
        try (DemoWorld world = DemoWorld.start(clock)) {
            int code = world.run(spec.commandLine().getOut(), (tickler, out) -> {
                String id = world.pursuitId(world.scenarios().get(2)); // the out-of-office one
                out.println();
                out.println("Why? For example `tickler explain " + id + "`:");
                out.println();
                tickler.explain(id, clock).ifPresent(e -> ExplainReport.print(out, e, DemoWorld.ZONE));
            });
            if (keepRunning && code == ExitCodes.OK) {
                world.printConnectionHelp(spec.commandLine().getOut());
                Thread.currentThread().join(); // until Ctrl-C
            }
            return code;
        } catch (jakarta.mail.MessagingException | java.io.IOException | dev.tickler.store.StoreException e) {
            spec.commandLine().getErr().println("tickler: the demo failed: " + e.getMessage());
            return ExitCodes.RUNTIME_FAILURE;
        }
    }
}
