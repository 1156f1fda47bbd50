package io.seedfleet.sources.prisma;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Prisma's default names always fit PostgreSQL's 63 bytes, keep their suffix, and are untouched when short. */
class PrismaNamesTest {

    @Property
    void constraintNamesFitAndKeepTheirSuffix(@ForAll @AlphaChars @StringLength(min = 1, max = 80) String table,
                                              @ForAll @Size(min = 1, max = 4) List<@AlphaChars @StringLength(min = 1, max = 40) String> columns) {
        String key = PrismaNames.uniqueKey(table, columns);
        String fkey = PrismaNames.foreignKey(table, columns);
        String pkey = PrismaNames.primaryKey(table);
        assertThat(List.of(key, fkey, pkey)).allSatisfy(n -> assertThat(n.length()).isLessThanOrEqualTo(63));
        assertThat(key).endsWith("_key");
        assertThat(fkey).endsWith("_fkey");
        assertThat(pkey).endsWith("_pkey");
        String base = table + "_" + String.join("_", columns);
        if (base.length() + 5 < 63) {
            assertThat(fkey).isEqualTo(base + "_fkey");
            assertThat(key).isEqualTo(base + "_key");
        } else {
            assertThat(base).startsWith(fkey.substring(0, fkey.length() - 5));
        }
    }

    @Property
    void serialSequenceNamesFitLikePostgresMakesThem(@ForAll @StringLength(min = 1, max = 70) String table,
                                                     @ForAll @StringLength(min = 1, max = 70) String column) {
        String sequence = PrismaNames.serialSequence(table, column);
        assertThat(sequence.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
        assertThat(sequence).endsWith("_seq");
        if ((table + column).getBytes(StandardCharsets.UTF_8).length + 5 <= 63) {
            assertThat(sequence).isEqualTo(table + "_" + column + "_seq");
        }
    }
}
