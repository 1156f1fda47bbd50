package io.seedfleet.core.sink;

import io.seedfleet.core.generate.CopyTextWriter;
import io.seedfleet.core.generate.RowHash;
import io.seedfleet.core.generate.TableGenerator;
import io.seedfleet.core.plan.Chunk;
import java.io.InputStream;

/**
 * A chunk's rows as the engine writes them (COPY text: tab-separated, {@code \N} for NULL,
 * backslash escapes for backslash, tab, newline and carriage return, which is also LOAD DATA's
 * default format), generated as the server reads, a buffer at a time, so memory stays flat
 * whatever the chunk size. The checksum is over the engine's bytes, as PostgreSQL's sink sums them.
 */
final class MysqlChunkStream extends InputStream {
    private static final int BUFFER_BYTES = 64 * 1024;

    private final TableGenerator generator;
    private final boolean update;
    private final long end;
    private final CopyTextWriter out = new CopyTextWriter(BUFFER_BYTES + 4096);
    private long row;
    private int position;
    private long checksum;

    MysqlChunkStream(TableGenerator generator, Chunk chunk) {
        this.generator = generator;
        this.update = chunk.phase() == Chunk.Phase.UPDATE;
        this.row = chunk.start();
        this.end = chunk.end();
    }

    /** The sum of the rows' hashes; complete once the stream has been read to its end. */
    long checksum() {
        return checksum;
    }

    boolean exhausted() {
        return row >= end && position >= out.length();
    }

    @Override
    public int read() {
        if (!fill()) return -1;
        return out.buffer()[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) return 0;
        if (!fill()) return -1;
        int n = Math.min(len, out.length() - position);
        System.arraycopy(out.buffer(), position, b, off, n);
        position += n;
        return n;
    }

    /** Makes sure unread bytes are buffered; false at the end of the chunk. */
    private boolean fill() {
        if (position < out.length()) return true;
        out.reset();
        position = 0;
        while (row < end && out.length() < BUFFER_BYTES) {
            int mark = out.length();
            if (update) generator.writeUpdateRow(row, out);
            else generator.writeInsertRow(row, out);
            checksum += RowHash.of(out.buffer(), mark, out.length());
            row++;
        }
        return out.length() > 0;
    }
}
