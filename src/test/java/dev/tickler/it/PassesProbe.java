package dev.tickler.it;

import dev.tickler.config.ConfigLoader;
import dev.tickler.config.TicklerConfig;
import dev.tickler.runtime.PassReport;
import dev.tickler.runtime.Tickler;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Passes one after another in one process, as the daemon runs them between polls: {@link ImapSyncBench} runs it in a JVM
 * of its own with the service's options, on a store a first sync filled. Prints one line per pass: wall and process CPU
 * milliseconds, messages read, pursuits. Only public API, so that an older build can be measured with it too.
 */
public final class PassesProbe {

    private PassesProbe() {
    }

    /** @param args config file, the instant passes run at, how many passes */
    public static void main(String[] args) {
        TicklerConfig config = ConfigLoader.fromSystem().load(Path.of(args[0]));
        Clock clock = Clock.fixed(Instant.parse(args[1]), ZoneOffset.UTC);
        int passes = Integer.parseInt(args[2]);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Tickler tickler = Tickler.start(config, clock)) {
            for (int i = 1; i <= passes; i++) {
                long cpu = os.getProcessCpuTime();
                long start = System.nanoTime();
                List<PassReport> reports = tickler.scan(false, clock);
                System.out.printf("pass %d: %d ms, CPU %d ms, %d read, %d pursuits%n", i, (System.nanoTime() - start) / 1_000_000,
                        (os.getProcessCpuTime() - cpu) / 1_000_000, reports.get(0).messagesRead(), reports.get(0).pursuits().size());
            }
        }
    }
}
