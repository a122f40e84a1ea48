package dev.tickler.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReturnDateParserTest {

    private static final LocalDate SENT = LocalDate.of(2026, 3, 5);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "I will be back on 12 March.|2026-03-12",
        "I am out of the office, returning Monday, March 16th.|2026-03-16",
        "I am out of the office until 03/20/2026 with limited access to email.|2026-03-21",
        "Back in the office on 2026-04-07.|2026-04-07",
        "AUTO: Jane Doe is out of the office (returning 03/16/2026)|2026-03-16",
        "Ich bin ab dem 3.4. wieder erreichbar.|2026-04-03",
        "Ich bin bis einschließlich 15. April abwesend.|2026-04-16",
        "Vielen Dank. Ich bin bis 3.4. nicht im Büro.|2026-04-04",
        "Je suis de retour le 15 avril.|2026-04-15",
        "Je serai absent jusqu'au 2 mai inclus.|2026-05-03",
        "Estaré de vuelta el 3 de mayo.|2026-05-03",
        "Estaré fuera hasta el 10 de junio.|2026-06-11",
        "Rientrerò il 12 maggio.|2026-05-12",
        "Sono fuori ufficio fino al 5 giugno.|2026-06-06",
        "Ik ben vanaf 14 april weer aanwezig.|2026-04-14",
        "Ik ben tot en met 20 mei afwezig.|2026-05-21",
        "Ab 1.4. bin ich im Urlaub.|",
        "I have limited access to email.|",
        "On 2 March you wrote: please find our proposal|",
        "Back on 2 January 2025.|",
    })
    void findsTheFirstDayBack(String text, String expected) {
        Optional<LocalDate> want = expected == null ? Optional.empty() : Optional.of(LocalDate.parse(expected));
        assertEquals(want, ReturnDateParser.firstDayBack(text, SENT, true));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"I'm back on 5 January.|2027-01-05"})
    void aDateEarlyNextYearIsNextYear(String text, String expected) {
        assertEquals(Optional.of(LocalDate.parse(expected)), ReturnDateParser.firstDayBack(text, LocalDate.of(2026, 12, 20), true));
    }
}
