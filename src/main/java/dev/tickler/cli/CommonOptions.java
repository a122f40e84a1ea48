package dev.tickler.cli;

import dev.tickler.config.ConfigLoader;
import dev.tickler.config.TicklerConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options every subcommand accepts after its name: {@code tickler scan --config FILE --now 2026-03-06T10:00:00Z}. */
final class CommonOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Configuration file (default: $TICKLER_CONFIG, else ./tickler.yml).")
    Path config;

    @Option(names = "--now", paramLabel = "ISO-8601",
            description = "Pretend it is this time, e.g. 2026-03-06T10:00:00Z: \"what would happen on Tuesday?\"")
    String now;

    Path configFile() {
        if (config != null) {
            return config;
        }
        String fromEnv = System.getenv("TICKLER_CONFIG");
        return Path.of(fromEnv != null && !fromEnv.isBlank() ? fromEnv : "tickler.yml");
    }

    TicklerConfig loadConfig() {
        return ConfigLoader.fromSystem().load(configFile());
    }

    /** A fixed clock at --now, or the system clock. */
    Clock clock(CommandLine.Model.CommandSpec spec) {
        return now == null ? Clock.systemUTC() : Clock.fixed(parseNow(spec), ZoneOffset.UTC);
    }

    /** A clock that starts at --now and keeps ticking: for the daemon. */
    Clock runningClock(CommandLine.Model.CommandSpec spec) {
        if (now == null) {
            return Clock.systemUTC();
        }
        Clock system = Clock.systemUTC();
        return Clock.offset(system, java.time.Duration.between(system.instant(), parseNow(spec)));
    }

    private Instant parseNow(CommandLine.Model.CommandSpec spec) {
        try {
            return OffsetDateTime.parse(now).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(now);
            } catch (DateTimeParseException e2) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--now: expected an ISO-8601 time with offset like 2026-03-06T10:00:00Z, was '" + now + "'");
            }
        }
    }
}
