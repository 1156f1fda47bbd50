package io.seedfleet.coordinator.masking;

import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.masking.run.ColumnMaskers.ColumnRef;
import io.seedfleet.masking.run.TargetDatabase.ForeignKeyDefinition;
import java.sql.Connection;
import java.util.List;
import java.util.Set;

/**
 * A masking run while its ranges are copied: the open source transaction whose snapshot every worker
 * imports, the source's model, the target's foreign keys set aside for the load, and what the leak
 * check compares at the end. Held in memory only: a coordinator that stops loses the transaction, and
 * with it the snapshot, so its masking runs cannot go on (see {@link MaskingRunService#failAfterRestart}).
 */
record ActiveMasking(String runId, Connection snapshotHolder, String snapshot, SchemaModel model, List<ForeignKeyDefinition> foreignKeys,
                     List<ColumnRef> personalColumns, Set<ColumnRef> copiedAsIs) {}
