package dev.tickler.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A YAML node with its key path ("mailboxes[0].imap.port"), so that every problem found while
 * reading names the key. Problems are collected, not thrown, so one run reports all of them.
 */
final class ConfigNode {

    private final JsonNode node;
    private final String path;
    private final List<String> problems;

    ConfigNode(JsonNode node, String path, List<String> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    boolean isMissing() {
        return node == null || node.isMissingNode() || node.isNull();
    }

    ConfigNode get(String key) {
        JsonNode child = node == null || !node.isObject() ? null : node.get(key);
        return new ConfigNode(child, path.isEmpty() ? key : path + "." + key, problems);
    }

    void problem(String message) {
        problems.add((path.isEmpty() ? "(top level)" : path) + ": " + message);
    }

    /** Reports keys that are not in {@code known}: a typo should not be silently ignored. */
    void onlyKeys(String... known) {
        if (isMissing()) {
            return;
        }
        if (!node.isObject()) {
            problem("must be a mapping of keys, was " + describe());
            return;
        }
        Set<String> allowed = new TreeSet<>(List.of(known));
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                get(name).problem("unknown key; known keys here: " + String.join(", ", allowed));
            }
        }
    }

    Optional<String> text() {
        if (isMissing()) {
            return Optional.empty();
        }
        if (!node.isValueNode()) {
            problem("must be a single value, was " + describe());
            return Optional.empty();
        }
        String value = node.asText().trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    String requiredText() {
        Optional<String> value = text();
        if (value.isEmpty() && isMissing()) {
            problem("is required");
        } else if (value.isEmpty() && node.isValueNode()) {
            problem("must not be empty");
        }
        return value.orElse("");
    }

    int integer(int defaultValue, int min, int max) {
        if (isMissing()) {
            return defaultValue;
        }
        if (!node.canConvertToInt() || !(node.isIntegralNumber() || node.asText().matches("-?\\d+"))) {
            problem("must be a whole number from " + min + " to " + max + ", was " + describe());
            return defaultValue;
        }
        int value = node.isNumber() ? node.asInt() : Integer.parseInt(node.asText());
        if (value < min || value > max) {
            problem("must be " + min + ".." + max + ", was " + value);
            return defaultValue;
        }
        return value;
    }

    boolean bool(boolean defaultValue) {
        if (isMissing()) {
            return defaultValue;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        problem("must be true or false, was " + describe());
        return defaultValue;
    }

    /** An ISO date (YYYY-MM-DD); YAML may hand it over as text. */
    Optional<java.time.LocalDate> date() {
        Optional<String> value = text();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.time.LocalDate.parse(value.get()));
        } catch (java.time.format.DateTimeParseException e) {
            problem("must be a date like 2026-04-03, was \"" + value.get() + "\"");
            return Optional.empty();
        }
    }

    /** The keys of a mapping, in order. */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        if (isMissing()) {
            return keys;
        }
        if (!node.isObject()) {
            problem("must be a mapping of keys, was " + describe());
            return keys;
        }
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    List<ConfigNode> list() {
        List<ConfigNode> items = new ArrayList<>();
        if (isMissing()) {
            return items;
        }
        if (!node.isArray()) {
            problem("must be a list, was " + describe());
            return items;
        }
        for (int i = 0; i < node.size(); i++) {
            items.add(new ConfigNode(node.get(i), path + "[" + i + "]", problems));
        }
        return items;
    }

    List<String> textList() {
        List<String> values = new ArrayList<>();
        for (ConfigNode item : list()) {
            item.text().ifPresentOrElse(values::add, () -> item.problem("must not be empty"));
        }
        return values;
    }

    private String describe() {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        return "\"" + node.asText() + "\"";
    }
}
