package io.seedfleet.masking.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedfleet.masking.method.ColumnMasker;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class CopyTextTest {

    @Property
    void encodingThenDecodingGivesTheValueBack(@ForAll String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CopyText.encode(value, out);
        byte[] bytes = out.toByteArray();
        for (byte b : bytes) assertThat(b).isNotIn((byte) '\t', (byte) '\n', (byte) '\r');
        // lone surrogates do not survive UTF-8, as in PostgreSQL
        String expected = new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(CopyText.decode(bytes, 0, bytes.length)).isEqualTo(expected);
    }

    @Property
    void masksOnlyTheColumnsWithAMaskerAndKeepsNulls(@ForAll String first, @ForAll String second) {
        ByteArrayOutputStream row = new ByteArrayOutputStream();
        CopyText.encode(first, row);
        row.write('\t');
        row.write('\\');
        row.write('N');
        row.write('\t');
        CopyText.encode(second, row);
        row.write('\n');
        ColumnMasker upper = v -> "<" + v.length() + ">";
        byte[] masked = new CopyText(Arrays.asList(null, upper, upper)).mask(row.toByteArray());

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        CopyText.encode(first, expected);
        expected.writeBytes("\t\\N\t".getBytes(StandardCharsets.UTF_8));
        String decodedSecond = new String(second.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        expected.writeBytes(("<" + decodedSecond.length() + ">\n").getBytes(StandardCharsets.UTF_8));
        assertThat(new String(masked, StandardCharsets.UTF_8)).isEqualTo(expected.toString(StandardCharsets.UTF_8));
    }

    @Property
    void aTableWithoutMaskersIsCopiedByteForByte(@ForAll byte[] row) {
        assertThat(new CopyText(List.of()).mask(row)).isSameAs(row);
    }
}
