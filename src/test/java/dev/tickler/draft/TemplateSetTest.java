package dev.tickler.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateSetTest {

    @Test
    void anUnknownVariableFailsWhenTheTemplatesAreLoadedAndNamesTheFile() {
        TemplateException e = assertThrows(TemplateException.class, () -> TemplateSet.of("en",
                Map.of(TemplateKind.REMINDER, "Hi ${prospectFirstNmae}", TemplateKind.SECOND_REMINDER, "ok", TemplateKind.REVIVAL, "ok",
                        TemplateKind.NURTURE, "ok"),
                Map.of(TemplateKind.REMINDER, "templates/en/reminder.txt")));
        assertTrue(e.getMessage().startsWith("templates/en/reminder.txt: unknown variable ${prospectFirstNmae}"), e.getMessage());
    }

    @Test
    void aMissingTemplateIsNamed() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> TemplateSet.of("de", Map.of(TemplateKind.REMINDER, "x"), Map.of()));
        assertEquals("de/second-reminder.txt: template is missing", e.getMessage());
    }

    @Test
    void valuesAreNeverInterpretedAsTemplatesOrLookups() {
        TemplateSet set = TemplateSet.of("en", Map.of(TemplateKind.REMINDER, "Hi ${prospectFirstName}", TemplateKind.SECOND_REMINDER, "x",
                TemplateKind.REVIVAL, "x", TemplateKind.NURTURE, "x"), Map.of());
        Map<String, String> values = new HashMap<>(TemplateVariables.samples());
        values.put("prospectFirstName", "${env:HOME} ${script:javascript:1+1} ${repName}");
        assertEquals("Hi ${env:HOME} ${script:javascript:1+1} ${repName}", set.render(TemplateKind.REMINDER, values));
    }

    @Test
    void htmlTwinsGetEveryValueEscaped() {
        TemplateSet set = TemplateSet.of("en", Map.of(TemplateKind.REMINDER, "Hi ${prospectFirstName}", TemplateKind.SECOND_REMINDER, "x",
                TemplateKind.REVIVAL, "x", TemplateKind.NURTURE, "x"), Map.of(TemplateKind.REMINDER, "<p>Hi ${prospectFirstName}</p>"), Map.of());
        Map<String, String> values = new HashMap<>(TemplateVariables.samples());
        values.put("prospectFirstName", "<script>alert(1)</script> & Co");
        assertEquals("<p>Hi &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</p>", set.renderHtml(TemplateKind.REMINDER, values).orElseThrow());
        assertEquals("Hi <script>alert(1)</script> & Co", set.render(TemplateKind.REMINDER, values), "plain text stays plain");
        assertTrue(set.renderHtml(TemplateKind.REVIVAL, values).isEmpty());
    }

    @Test
    void theShippedGermanTemplatesAreComplete() {
        TemplateSet de = dev.tickler.runtime.TemplateLoader.load(java.util.Optional.of(java.nio.file.Path.of("templates")), "de");
        assertTrue(de.render(TemplateKind.NO_SLOT_OFFER, TemplateVariables.samples()).contains("Tag und Uhrzeit"));
        assertTrue(de.render(TemplateKind.AFTER_MEETING, TemplateVariables.samples()).contains("vielen Dank für Ihre Zeit am sample"));
    }

    @Test
    void theShippedTemplatesUseOnlyKnownVariables() {
        TemplateSet set = dev.tickler.runtime.TemplateLoader.load(java.util.Optional.of(java.nio.file.Path.of("templates")), "en");
        String reminder = set.render(TemplateKind.REMINDER, TemplateVariables.samples());
        assertTrue(reminder.contains("a short call on the calendar"), reminder);
        assertTrue(set.render(TemplateKind.NO_SLOT_OFFER, TemplateVariables.samples()).contains("day and time"),
                "without slots, the reminder asks for a concrete day and time");
        assertTrue(set.render(TemplateKind.SLOT_OFFER, TemplateVariables.samples()).contains("one of these times"));
        String revival = set.render(TemplateKind.REVIVAL, TemplateVariables.samples());
        assertTrue(revival.contains("not be in a position to go ahead"), revival);
    }
}
