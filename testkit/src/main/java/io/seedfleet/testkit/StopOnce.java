package io.seedfleet.testkit;

/**
 * Runs a stop action exactly once: when the owner is closed, or at JVM exit if nobody closed it, so that
 * no server process or temp directory outlives the JVM.
 */
final class StopOnce {

    private final Runnable action;
    private final Thread hook;
    private boolean done;

    StopOnce(String name, Runnable action) {
        this.action = action;
        this.hook = new Thread(this::runOnce, name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    void run() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs, or already ran, concurrently: runOnce() keeps the action single.
        }
        runOnce();
    }

    private synchronized void runOnce() {
        if (!done) {
            done = true;
            action.run();
        }
    }
}
