package io.seedfleet.core.run;

import io.seedfleet.core.event.Events;
import io.seedfleet.core.schema.SchemaModel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A SHA-256 of the schema model: workers check that the schema they read is the one the run was planned on. */
public final class SchemaFingerprint {
    private SchemaFingerprint() {}

    public static String of(SchemaModel schema) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Events.toJson(schema)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
