package io.seedfleet.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class QuotedTokensTest {

    /** Any text, quoted with its quotes doubled, is one token, whatever follows it after a blank. */
    @Property
    void aDoubledQuoteNeverEndsTheToken(@ForAll String inner, @ForAll("quotes") char quote, @ForAll String rest) {
        String token = quote + inner.replace(String.valueOf(quote), "" + quote + quote) + quote;
        assertThat(QuotedTokens.end(token + " " + rest, 0, false)).isEqualTo(token.length());
    }

    /** With backslash escapes, a backslash-escaped quote (and an escaped backslash) stays inside the token. */
    @Property
    void aBackslashEscapesTheNextCharacter(@ForAll String inner, @ForAll String rest) {
        String token = "'" + inner.replace("\\", "\\\\").replace("'", "\\'") + "'";
        assertThat(QuotedTokens.end(token + " " + rest, 0, true)).isEqualTo(token.length());
    }

    /** A token never closed has no end, or, for a server's own output, ends with the text. */
    @Property
    void anUnclosedTokenRunsOff(@ForAll String inner) {
        String text = "`" + inner.replace("`", "``");
        assertThat(QuotedTokens.end(text, 0, false)).isEqualTo(-1);
        assertThat(QuotedTokens.endOrTextEnd(text, 0, false)).isEqualTo(text.length());
    }

    @Property
    void withoutBackslashEscapesABackslashIsPlainText(@ForAll String rest) {
        assertThat(QuotedTokens.end("\"a\\\"" + rest, 0, false)).isEqualTo(4);
    }

    @Provide
    Arbitrary<Character> quotes() {
        return Arbitraries.of('\'', '"', '`');
    }
}
