package org.ucfront.blackbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/** The packaged server's threads, read from /proc (names are cut at 15 characters there). */
final class ServerThreads {

    /** gov.nist.javax.sip.THREAD_POOL_SIZE: the stack's pool may grow to this many threads. */
    static final int STACK_POOL = 64;
    /** The blocking TCP stack's thread per connection: "TCPMessageChannelThread-N". */
    private static final String CONNECTION_THREAD = "TCPMessageChann";

    private ServerThreads() {
    }

    /** Threads serving a TCP connection, once they are gone (at most 10 s: closes are asynchronous). */
    static long awaitNoConnectionThreads(UcfrontServer server) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        long n = connectionThreads(server);
        while (n > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100); // polls /proc: the server's threads end on their own
            n = connectionThreads(server);
        }
        return n;
    }

    static long connectionThreads(UcfrontServer server) throws IOException {
        try (Stream<Path> tasks = Files.list(Paths.get("/proc", Long.toString(server.pid()), "task"))) {
            return tasks.filter(t -> name(t).startsWith(CONNECTION_THREAD)).count();
        }
    }

    private static String name(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException gone) {
            return "";
        }
    }
}
