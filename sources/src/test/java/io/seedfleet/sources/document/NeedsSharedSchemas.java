package io.seedfleet.sources.document;

import java.nio.file.Files;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * Skips a property when the real schemas in ../shared/schemas are not on this machine (a checkout
 * on its own): reported as skipped, where an unmet {@code Assume} would exhaust the property's tries.
 */
public final class NeedsSharedSchemas implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        return Files.isDirectory(Documents.schemas()) ? SkipResult.doNotSkip()
                : SkipResult.skip("shared schemas not found at " + Documents.schemas().toAbsolutePath());
    }
}
