package dev.tickler.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A secret read from {@code ${env:NAME}}, {@code ${file:PATH}} or a command. A file is read again
 * each time the secret is used, and a command run again, so rotated passwords and short-lived OAuth
 * tokens are picked up without a restart. {@code toString} shows only where it comes from, so it
 * can't reach a log by accident.
 */
public final class Secret {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final String source;
    private final Supplier<String> value;

    private Secret(String source, Supplier<String> value) {
        this.source = source;
        this.value = value;
    }

    /** For tests and the demo, which make their own secrets. */
    public static Secret literal(String value) {
        return new Secret("literal", () -> value);
    }

    static Secret fromEnvironment(String name, String value) {
        return new Secret("env:" + name, () -> value);
    }

    /** Read now (so a missing file is a start-up error) and again at every use. */
    static Secret fromFile(Path file, String firstValue) {
        String[] last = {firstValue};
        return new Secret("file:" + file, () -> {
            try {
                String now = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!now.isEmpty()) {
                    last[0] = now;
                }
            } catch (IOException e) {
                // keep the last good value: a file being rotated is briefly missing
            }
            return last[0];
        });
    }

    /** The command's standard output, trimmed: e.g. a helper that prints a fresh OAuth access token. */
    static Secret fromCommand(List<String> command) {
        return new Secret("command:" + command.get(0), () -> run(command));
    }

    public String reveal() {
        return value.get();
    }

    /** Where the secret came from: "env:NAME", "file:PATH" or "command:PROGRAM". */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "****(" + source + ")";
    }

    private static String run(List<String> command) {
        Path out = null;
        Process p = null;
        try {
            // Output goes to a private file, so waiting (with the time limit) never blocks on a full pipe. Its stderr is
            // not kept: a helper may echo what it was given.
            out = Files.createTempFile("tickler-token", ".out");
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectOutput(out.toFile()).start();
            if (!p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                kill(p);
                throw new IllegalStateException("token command " + command.get(0) + " did not finish in " + COMMAND_TIMEOUT.toSeconds() + " s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("token command " + command.get(0) + " exited with " + p.exitValue());
            }
            String token = Files.readString(out, StandardCharsets.UTF_8).strip();
            if (token.isEmpty()) {
                throw new IllegalStateException("token command " + command.get(0) + " printed nothing");
            }
            return token;
        } catch (IOException e) {
            throw new IllegalStateException("can't run token command " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(p);
            throw new IllegalStateException("interrupted while running token command " + command.get(0), e);
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    // a leftover temp file holds an expired token at worst
                }
            }
        }
    }

    /** Ends a token command that overran, with whatever it started (a shell script's children), and reaps it. */
    private static void kill(Process p) {
        if (p == null) {
            return;
        }
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
