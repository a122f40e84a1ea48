package dev.tickler.imap;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text that arrived as raw 8-bit bytes where the standards want 7-bit (an unencoded "Subject: Angebot für Dähne", a
 * text part with no charset). Such bytes are nearly always UTF-8 today, else Windows-1252; both are told apart by
 * whether they decode as UTF-8 at all, which Latin text in any other encoding practically never does.
 */
final class EightBit {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private EightBit() {
    }

    /**
     * A header value as Angus and Jakarta Mail give it, each raw byte one char (ISO-8859-1), decoded as UTF-8 when its
     * bytes are UTF-8; otherwise, or when it has no 8-bit char at all, unchanged.
     */
    static String utf8IfValid(String perByte) {
        if (perByte == null) {
            return null;
        }
        boolean eightBit = false;
        for (int i = 0; i < perByte.length(); i++) {
            char c = perByte.charAt(i);
            if (c > 0xFF) {
                return perByte; // already decoded text
            }
            eightBit |= c >= 0x80;
        }
        if (!eightBit) {
            return perByte;
        }
        byte[] bytes = perByte.getBytes(StandardCharsets.ISO_8859_1);
        return isUtf8(bytes) ? new String(bytes, StandardCharsets.UTF_8) : perByte;
    }

    /** The charset of a text part that declares none: US-ASCII text is also UTF-8, and 8-bit text is UTF-8 or Windows-1252. */
    static Charset undeclared(byte[] bytes) {
        return isUtf8(bytes) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }

    static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
