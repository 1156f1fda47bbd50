package io.seedfleet.cli;

import io.seedfleet.core.run.LocalRun;
import java.io.PrintWriter;

/** A one-line progress report, redrawn in place on a terminal and printed every 10% otherwise. */
final class Progress {
    private final PrintWriter out;
    private final boolean terminal = System.console() != null;
    private int lastTenth = -1;

    Progress(PrintWriter out) {
        this.out = out;
    }

    synchronized void update(LocalRun.Progress p) {
        show(p.rowsDone(), p.rowsTotal(), p.table().toString());
    }

    synchronized void show(long done, long total, String what) {
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        if (terminal) {
            out.printf("\r  %3d%%  %,d / %,d rows  %-40.40s", percent, done, total, what);
            out.flush();
        } else if (percent / 10 != lastTenth) {
            lastTenth = percent / 10;
            out.printf("  %3d%%  %,d / %,d rows%n", percent, done, total);
            out.flush();
        }
    }

    void done() {
        if (terminal) out.println();
    }
}
