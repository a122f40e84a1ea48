package dev.tickler.runtime;

import dev.tickler.draft.TemplateException;
import dev.tickler.draft.TemplateKind;
import dev.tickler.draft.TemplateSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Reads {@code <dir>/<locale>/*.txt}, or the templates built into the jar when no directory is configured. */
public final class TemplateLoader {

    private TemplateLoader() {
    }

    public static TemplateSet load(Optional<Path> directory, String locale) {
        Map<TemplateKind, String> texts = new EnumMap<>(TemplateKind.class);
        Map<TemplateKind, String> sources = new EnumMap<>(TemplateKind.class);
        for (TemplateKind kind : TemplateKind.values()) {
            if (directory.isPresent()) {
                Path file = directory.get().resolve(locale).resolve(kind.fileName());
                sources.put(kind, file.toString());
                if (Files.isRegularFile(file)) {
                    texts.put(kind, read(file));
                }
            } else {
                String resource = "/templates/" + locale + "/" + kind.fileName();
                sources.put(kind, "built-in templates/" + locale + "/" + kind.fileName());
                try (InputStream in = TemplateLoader.class.getResourceAsStream(resource)) {
                    if (in != null) {
                        texts.put(kind, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    throw new TemplateException(resource + ": can't read (" + e.getMessage() + ")");
                }
            }
        }
        return TemplateSet.of(locale, texts, sources);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TemplateException(file + ": can't read (" + e.getMessage() + ")");
        }
    }
}
