package dev.tickler.cli;

import dev.tickler.config.TicklerConfig;
import dev.tickler.runtime.Daemon;
import dev.tickler.runtime.Tickler;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run as a daemon: a pass over every mailbox every pollInterval, until SIGTERM or Ctrl-C.")
final class RunCommand extends ConfiguredCommand {

    @Override
    int run(TicklerConfig config) {
        Clock clock = options.runningClock(spec);
        Tickler tickler = Tickler.start(config, clock);
        Daemon daemon = new Daemon(tickler, clock);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            daemon.stop(Duration.ofSeconds(30));
            tickler.close();
            stopped.countDown();
        }, "tickler-shutdown"));
        daemon.start();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }
}
