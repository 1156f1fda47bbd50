package io.seedfleet.datasets;

/** The engine's version, part of every dataset identity: a new engine may turn the same inputs into other rows. */
public final class EngineVersion {
    public static final String CURRENT = "0.1.0";

    private EngineVersion() {}
}
