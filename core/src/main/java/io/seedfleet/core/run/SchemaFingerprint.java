package io.seedfleet.core.run;

import io.seedfleet.core.schema.SchemaJson;
import io.seedfleet.core.schema.SchemaModel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A SHA-256 of the schema model: workers check that the schema they use is the one the run was planned on. */
public final class SchemaFingerprint {
    private SchemaFingerprint() {}

    public static String of(SchemaModel schema) {
        try {
            byte[] json = SchemaJson.write(schema).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
