package dev.tickler.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${env:NAME}} and {@code ${file:PATH}} references. Secrets are never written in the
 * configuration itself: that file is often world-readable and ends up in backups and tickets.
 */
final class SecretResolver {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):([^}]+)}");

    private final Map<String, String> environment;

    SecretResolver(Map<String, String> environment) {
        this.environment = environment;
    }

    Optional<Secret> resolve(ConfigNode node, boolean required) {
        Optional<String> raw = node.text();
        if (raw.isEmpty()) {
            if (required) {
                node.problem("is required (write ${env:NAME} or ${file:/path/to/secret})");
            }
            return Optional.empty();
        }
        Matcher m = REFERENCE.matcher(raw.get());
        if (!m.matches()) {
            node.problem("must be a reference, ${env:NAME} or ${file:/path/to/secret}, not the secret itself");
            return Optional.empty();
        }
        String kind = m.group(1);
        String name = m.group(2).trim();
        if (kind.equals("env")) {
            String value = environment.get(name);
            if (value == null || value.isEmpty()) {
                node.problem("environment variable " + name + " is not set");
                return Optional.empty();
            }
            return Optional.of(Secret.fromEnvironment(name, value));
        }
        Path file = Path.of(name);
        try {
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                node.problem("secret file " + file + " is empty");
                return Optional.empty();
            }
            return Optional.of(Secret.fromFile(file, value));
        } catch (IOException e) {
            node.problem("can't read secret file " + file + " (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
    }
}
