package dev.tickler.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Raw 8-bit text where 7-bit was due: read as UTF-8 when it is, else as Windows-1252; HTML read as its words. */
class EightBitTest {

    @Test
    void headerBytesGivenOneCharEachAreDecodedAsUtf8WhenTheyAre() {
        String perByte = new String("Angebot für Dähne".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertEquals("Angebot fÃ¼r DÃ¤hne", perByte, "what Angus hands over");
        assertEquals("Angebot für Dähne", EightBit.utf8IfValid(perByte));
        assertEquals("Angebot für Dähne", EightBit.utf8IfValid("Angebot für Dähne"), "Latin-1 text that is not UTF-8 stays");
        assertEquals("Proposal", EightBit.utf8IfValid("Proposal"));
        assertEquals("Предложение", EightBit.utf8IfValid("Предложение"), "already decoded text stays");
        assertEquals(null, EightBit.utf8IfValid(null));
    }

    @Test
    void aTextPartWithoutCharsetIsUtf8OrElseWindows1252() {
        String text = "the price is €12,400 per year";
        assertEquals(text, decode(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(text, decode(text.getBytes(Charset.forName("windows-1252"))), "an old client's euro sign");
        assertEquals("plain ASCII", decode("plain ASCII".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void htmlIsReadAsItsWordsWithEntitiesDecoded() {
        assertEquals(" Hi Gina,  attached is our proposal: € 12.400 – valid for 30 days. ",
                BodyFetcher.flatten("<p>Hi&nbsp;Gina,</p><p>attached&nbsp;is&nbsp;our&nbsp;proposal: &euro;&#160;12.400 &ndash; valid"
                        + "&#x20;for 30 days.</p>"));
        assertEquals("  a &lt; b  ", BodyFetcher.flatten("<style>p { x: 1 }</style> a &amp;lt; b <br/>"),
                "decoded once: text that shows an entity keeps showing it");
    }

    private static String decode(byte[] bytes) {
        List<String> defects = new ArrayList<>();
        String text = BodyFetcher.decode(bytes, new BodyFetcher.TextPart("1", null, null, false, null), defects);
        assertEquals(List.of(), defects);
        return text;
    }
}
