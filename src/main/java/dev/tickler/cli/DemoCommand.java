package dev.tickler.cli;

import dev.tickler.demo.DemoWorld;
import dev.tickler.runtime.Tickler;
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

    /**
     * The demo's "now": today at 10:00 in Riley's timezone, or the Friday before on a weekend, so the
     * drafts it shows appear inside working hours whatever time you run it.
     */
    static Clock lastWorkingMorning(Clock real) {
        java.time.ZonedDateTime t = real.instant().atZone(DemoWorld.ZONE).withHour(10).withMinute(0).withSecond(0).withNano(0);
        while (t.getDayOfWeek().getValue() > 5) {
            t = t.minusDays(1);
        }
        return Clock.fixed(t.toInstant(), java.time.ZoneOffset.UTC);
    }

    @Override
    public Integer call() throws InterruptedException {
        Clock clock = options.now == null ? lastWorkingMorning(Clock.systemUTC()) : options.clock(spec);
        quietLogs();
        try (DemoWorld world = DemoWorld.start(clock)) {
            int code = world.run(spec.commandLine().getOut(), (tickler, out) -> {
                String id = world.pursuitId(world.scenarios().get(2)); // the out-of-office one
                out.println();
                out.println("Why? For example `tickler explain " + id + "`:");
                out.println();
                tickler.explain(id, clock).ifPresent(e -> ExplainReport.print(out, e, DemoWorld.ZONE));
                out.println();
                out.println("And what comes next (`tickler plan --days 60`, assuming each draft is sent when it appears):");
                out.println();
                Table table = new Table("WHEN", "PURSUIT", "DRAFT", "WHY");
                java.time.format.DateTimeFormatter when = java.time.format.DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm",
                        java.util.Locale.ENGLISH);
                for (Tickler.PlanRow row : tickler.plan(60, clock)) {
                    table.row(when.format(row.when().atZone(DemoWorld.ZONE)), row.pursuit().pursuit().id(),
                            row.action().label() + " #" + row.step(), row.reason());
                }
                table.print(out);
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
