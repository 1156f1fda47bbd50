package io.seedfleet.service;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Who wrote a chunk, as reported in its events: in Kubernetes the host name is the pod's name. */
public final class WorkerName {
    private WorkerName() {}

    public static String ofThisProcess() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
