package dev.tickler.draft;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.StringEscapeUtils;
import org.apache.commons.text.StringSubstitutor;

/**
 * One locale's templates, validated when built: an unknown {@code ${variable}} is an error at
 * start-up, not a broken draft in a rep's mailbox weeks later. Each kind has a text template and
 * may have an HTML twin, into which every value is inserted HTML-escaped.
 *
 * <p>Rendering uses a plain map with undefined-variable exceptions on and no lookups (never the
 * interpolating substitutor with its script and env lookups), and values are not substituted again, so a prospect named
 * "${env:HOME}" stays exactly that.
 */
public final class TemplateSet {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final String locale;
    private final Map<TemplateKind, String> texts;
    private final Map<TemplateKind, String> htmls;

    private TemplateSet(String locale, Map<TemplateKind, String> texts, Map<TemplateKind, String> htmls) {
        this.locale = locale;
        this.texts = texts;
        this.htmls = htmls;
    }

    public static TemplateSet of(String locale, Map<TemplateKind, String> texts, Map<TemplateKind, String> sources) {
        return of(locale, texts, Map.of(), sources);
    }

    /**
     * Validates and keeps the templates.
     *
     * @param htmls   optional HTML twins
     * @param sources where each text came from, for error messages (e.g. a file path)
     * @throws TemplateException naming the template and the unknown variable, or a missing template
     */
    public static TemplateSet of(String locale, Map<TemplateKind, String> texts, Map<TemplateKind, String> htmls,
                                 Map<TemplateKind, String> sources) {
        Map<TemplateKind, String> textCopy = new EnumMap<>(TemplateKind.class);
        Map<TemplateKind, String> htmlCopy = new EnumMap<>(TemplateKind.class);
        for (TemplateKind kind : TemplateKind.values()) {
            String text = texts.get(kind);
            String source = sources.getOrDefault(kind, locale + "/" + kind.fileName());
            if (text == null && kind.hasBuiltInFallback()) { // a set built in code, without the newer kinds
                text = switch (kind) {
                    case AFTER_MEETING -> texts.get(TemplateKind.REMINDER);
                    case SLOT_OFFER -> "${slots}";
                    default -> "";
                };
            }
            if (text == null) {
                throw new TemplateException(source + ": template is missing");
            }
            textCopy.put(kind, validated(text, source));
            String html = htmls.get(kind);
            if (html != null) {
                htmlCopy.put(kind, validated(html, source.replace(kind.fileName(), kind.htmlFileName())));
            }
        }
        return new TemplateSet(locale, textCopy, htmlCopy);
    }

    private static String validated(String text, String source) {
        Set<String> unknown = new TreeSet<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            if (m.start() > 0 && text.charAt(m.start() - 1) == '$') {
                continue; // "$${x}" is the escape for a literal "${x}"
            }
            if (!TemplateVariables.DOCUMENTED.containsKey(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        if (!unknown.isEmpty()) {
            throw new TemplateException(source + ": unknown variable ${" + String.join("}, ${", unknown)
                    + "}; known: " + new TreeSet<>(TemplateVariables.DOCUMENTED.keySet()));
        }
        render(text, TemplateVariables.samples()); // any other syntax problem surfaces now
        return text;
    }

    public String locale() {
        return locale;
    }

    public String render(TemplateKind kind, Map<String, String> values) {
        return render(texts.get(kind), values);
    }

    /** The HTML twin with every value HTML-escaped, when the kind has one. */
    public Optional<String> renderHtml(TemplateKind kind, Map<String, String> values) {
        String html = htmls.get(kind);
        if (html == null) {
            return Optional.empty();
        }
        Map<String, String> escaped = new HashMap<>();
        values.forEach((k, v) -> escaped.put(k, StringEscapeUtils.escapeHtml4(v).replace("\n", "<br>\n")));
        return Optional.of(render(html, escaped));
    }

    private static String render(String text, Map<String, String> values) {
        StringSubstitutor substitutor = new StringSubstitutor(values);
        substitutor.setEnableUndefinedVariableException(true);
        substitutor.setDisableSubstitutionInValues(true);
        return substitutor.replace(text);
    }
}
