/**
 * Reproducible dataset versions: a dataset's identity (a hash of schema, definition, seed and engine
 * version), its manifest, the local store of the versions made, and exports of a dataset to files
 * (CSV, JSON Lines, Parquet, SQL INSERT scripts) that load back into a database.
 */
package io.seedfleet.datasets;
