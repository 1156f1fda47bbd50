/**
 * Masked copies of production databases that keep their joins and shapes and none of their personal
 * data: masking methods ({@code method}), the PII scanner ({@code pii}), the masking run that copies a
 * source into a target through one consistent read-only snapshot ({@code run}), and the proof: leak
 * check, privacy report and statistics ({@code proof}).
 */
package io.seedfleet.masking;
