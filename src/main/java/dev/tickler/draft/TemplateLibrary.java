package dev.tickler.draft;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every locale's templates and how a pursuit gets its locale: a per-domain override
 * ({@code localeByDomain}), else the language the proposal was written in when there are templates
 * for it, else the default.
 */
public final class TemplateLibrary {

    private final Map<String, TemplateSet> byLocale;
    private final String defaultLocale;
    private final Map<String, String> localeByDomain;

    public TemplateLibrary(Map<String, TemplateSet> byLocale, String defaultLocale, Map<String, String> localeByDomain) {
        if (!byLocale.containsKey(defaultLocale)) {
            throw new TemplateException("no templates for the default locale \"" + defaultLocale + "\"; found " + byLocale.keySet());
        }
        for (Map.Entry<String, String> e : localeByDomain.entrySet()) {
            if (!byLocale.containsKey(e.getValue())) {
                throw new TemplateException("localeByDomain." + e.getKey() + ": no templates for locale \"" + e.getValue()
                        + "\"; found " + byLocale.keySet());
            }
        }
        this.byLocale = Map.copyOf(byLocale);
        this.defaultLocale = defaultLocale;
        this.localeByDomain = Map.copyOf(localeByDomain);
    }

    public static TemplateLibrary single(TemplateSet set) {
        return new TemplateLibrary(Map.of(set.locale(), set), set.locale(), Map.of());
    }

    /**
     * @param domain           the prospect's mail domain
     * @param proposalLanguage the language the proposal was written in, if known
     */
    public TemplateSet choose(String domain, String proposalLanguage) {
        String d = domain.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> e : localeByDomain.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            // "globex.example" matches itself and its subdomains; ".de" matches every domain ending so.
            if (d.equals(key) || d.endsWith(key.startsWith(".") ? key : "." + key)) {
                return byLocale.get(e.getValue());
            }
        }
        return Optional.ofNullable(proposalLanguage).map(byLocale::get).orElse(byLocale.get(defaultLocale));
    }

    public java.util.Set<String> locales() {
        return byLocale.keySet();
    }
}
