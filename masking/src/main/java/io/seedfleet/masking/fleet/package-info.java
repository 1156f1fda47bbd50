/**
 * Masking through the fleet: the parts a coordinator and its masking workers share. The coordinator
 * holds the source snapshot open, creates the target and splits the tables into ranges
 * ({@link io.seedfleet.masking.run.MaskRun#ranges}); each worker copies a range with
 * {@link io.seedfleet.masking.fleet.MaskingChunks}, exactly once through {@link io.seedfleet.masking.fleet.MaskingLedger}.
 */
package io.seedfleet.masking.fleet;
