package dev.tickler.runtime;

import dev.tickler.draft.TemplateException;
import dev.tickler.draft.TemplateKind;
import dev.tickler.draft.TemplateLibrary;
import dev.tickler.draft.TemplateSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads {@code <dir>/<locale>/*.txt} (and optional {@code *.html}) for every locale directory there,
 * or the templates built into the jar (en, de) when no directory is configured.
 */
public final class TemplateLoader {

    /** The locales shipped in the jar. */
    static final List<String> BUILT_IN = List.of("en", "de");

    private TemplateLoader() {
    }

    public static TemplateLibrary library(Optional<Path> directory, String defaultLocale, Map<String, String> localeByDomain) {
        Map<String, TemplateSet> sets = new LinkedHashMap<>();
        for (String locale : locales(directory)) {
            sets.put(locale, load(directory, locale));
        }
        return new TemplateLibrary(sets, defaultLocale, localeByDomain);
    }

    public static TemplateSet load(Optional<Path> directory, String locale) {
        Map<TemplateKind, String> texts = new EnumMap<>(TemplateKind.class);
        Map<TemplateKind, String> htmls = new EnumMap<>(TemplateKind.class);
        Map<TemplateKind, String> sources = new EnumMap<>(TemplateKind.class);
        for (TemplateKind kind : TemplateKind.values()) {
            if (directory.isPresent()) {
                Path dir = directory.get().resolve(locale);
                sources.put(kind, dir.resolve(kind.fileName()).toString());
                read(dir.resolve(kind.fileName())).ifPresent(t -> texts.put(kind, t));
                read(dir.resolve(kind.htmlFileName())).ifPresent(t -> htmls.put(kind, t));
                if (!texts.containsKey(kind) && kind.hasBuiltInFallback()) {
                    String builtIn = BUILT_IN.contains(locale) ? locale : "en";
                    sources.put(kind, "built-in templates/" + builtIn + "/" + kind.fileName());
                    resource("/templates/" + builtIn + "/" + kind.fileName()).ifPresent(t -> texts.put(kind, t));
                }
            } else {
                sources.put(kind, "built-in templates/" + locale + "/" + kind.fileName());
                resource("/templates/" + locale + "/" + kind.fileName()).ifPresent(t -> texts.put(kind, t));
                resource("/templates/" + locale + "/" + kind.htmlFileName()).ifPresent(t -> htmls.put(kind, t));
            }
        }
        return TemplateSet.of(locale, texts, htmls, sources);
    }

    private static List<String> locales(Optional<Path> directory) {
        if (directory.isEmpty()) {
            return BUILT_IN;
        }
        try (Stream<Path> entries = Files.list(directory.get())) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new TemplateException(directory.get() + ": can't list (" + e.getMessage() + ")");
        }
    }

    private static Optional<String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TemplateException(file + ": can't read (" + e.getMessage() + ")");
        }
    }

    private static Optional<String> resource(String name) {
        try (InputStream in = TemplateLoader.class.getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TemplateException(name + ": can't read (" + e.getMessage() + ")");
        }
    }
}
