import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The write-behind's statements alone on H2: a table of ROWS endpoints (the columns of sip_endpoint,
 * V1__registrar.sql, as the migrations leave it), then batches of BATCH new endpoints, one commit
 * each (the persistence window's), MERGE … KEY (id) and a CHECKPOINT as EndpointStore does. Prints, for the second half
 * of the batches, the CPU and the bytes allocated per row by the writing thread, and the process's
 * CPU per row (H2's own threads included). ORDER "random" gives the new rows keys anywhere in the
 * index (ids "aor key", users signing in in any order), "growing" keys at its end (EndpointIds).
 *
 * Usage: java -cp ~/.m2/repository/com/h2database/h2/2.3.232/h2-2.3.232.jar src/bench/EndpointWrites.java \
 *            DIR [ROWS=230000] [BATCH=500] [BATCHES=80] [ORDER=random|growing]
 */
public class EndpointWrites {

    static final String COLUMNS = "id, aor, endpoint_key, epid, sip_instance, gruu, routable, contact, expires_at, "
            + "transport, remote_addr, remote_port, call_id, cseq, client_tag, registrar_tag, notify_cseq, user_agent, "
            + "device_mac, device_vendor, device_version, subnet, survivable, first_registered_at, updated_at";

    public static void main(String[] args) throws Exception {
        String dir = args[0];
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 230_000;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int batches = args.length > 3 ? Integer.parseInt(args[3]) : 80;
        boolean growing = args.length > 4 && args[4].equals("growing");
        String url = "jdbc:h2:file:" + dir + "/endpoints;MODE=LEGACY;WRITE_DELAY=500"; // the server's flags
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("DROP TABLE IF EXISTS sip_endpoint");
            c.createStatement().execute("CREATE TABLE sip_endpoint (id VARCHAR(600) NOT NULL PRIMARY KEY, "
                    + "aor VARCHAR(255) NOT NULL, endpoint_key VARCHAR(300) NOT NULL, epid VARCHAR(64), "
                    + "sip_instance VARCHAR(300), gruu VARCHAR(400) NOT NULL, routable BOOLEAN NOT NULL, "
                    + "contact VARCHAR(2000), expires_at BIGINT NOT NULL, transport VARCHAR(8), remote_addr VARCHAR(64), "
                    + "remote_port INTEGER NOT NULL, call_id VARCHAR(255), cseq BIGINT NOT NULL, client_tag VARCHAR(128), "
                    + "registrar_tag VARCHAR(128), notify_cseq BIGINT NOT NULL, user_agent VARCHAR(512), "
                    + "device_mac VARCHAR(32), device_vendor VARCHAR(128), device_version VARCHAR(128), "
                    + "subnet VARCHAR(16), survivable BOOLEAN NOT NULL, first_registered_at BIGINT NOT NULL, "
                    + "updated_at BIGINT NOT NULL)");
            c.setAutoCommit(false);
            List<Integer> users = new ArrayList<>();
            for (int i = 0; i < rows + batch * batches; i++) {
                users.add(i);
            }
            Collections.shuffle(users, new Random(1)); // users sign in in any order
            String parameters = String.join(", ", Collections.nCopies(COLUMNS.split(",").length, "?"));
            try (PreparedStatement s = c.prepareStatement(
                    "MERGE INTO sip_endpoint (" + COLUMNS + ") KEY (id) VALUES (" + parameters + ")")) {
                int n = 0;
                for (; n < rows; n++) {
                    bind(s, users.get(n), growing ? n : -1);
                    s.addBatch();
                    if (n % 1000 == 999) {
                        s.executeBatch();
                        c.commit();
                    }
                }
                s.executeBatch();
                c.commit();
                com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
                com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
                for (String half : List.of("warm-up", "measured")) {
                    long cpu = threads.getCurrentThreadCpuTime();
                    long allocated = threads.getCurrentThreadAllocatedBytes();
                    long process = os.getProcessCpuTime();
                    int written = 0;
                    for (int b = 0; b < batches / 2; b++) {
                        for (int j = 0; j < batch; j++, n++, written++) {
                            bind(s, users.get(n), growing ? n : -1);
                            s.addBatch();
                        }
                        s.executeBatch();
                        c.commit();
                        c.createStatement().execute("CHECKPOINT"); // EndpointStore.makeDurable
                    }
                    System.out.printf("%s: %s keys, %d rows in batches of %d on %d: %.1f µs CPU, %.1f KB allocated "
                            + "(writing thread), %.1f µs CPU (process) per row%n", half, growing ? "growing" : "random",
                            written, batch, rows, (threads.getCurrentThreadCpuTime() - cpu) / 1000.0 / written,
                            (threads.getCurrentThreadAllocatedBytes() - allocated) / 1024.0 / written,
                            (os.getProcessCpuTime() - process) / 1000.0 / written);
                }
            }
        }
    }

    /** An endpoint as the benchmark registers it; its id "aor key", or a growing counter's. */
    static void bind(PreparedStatement s, int user, long counter) throws SQLException {
        String aor = "u" + user + "@bench.local";
        String instance = new java.util.UUID(user * 7919L, user * 104729L).toString();
        String id = counter >= 0 ? String.format("%016x", counter + 1) : aor + " " + instance;
        long now = System.currentTimeMillis();
        int i = 0;
        s.setString(++i, id);
        s.setString(++i, aor);
        s.setString(++i, instance);
        s.setString(++i, "01" + Integer.toHexString(user));
        s.setString(++i, "<urn:uuid:" + instance + ">");
        s.setString(++i, "sip:" + aor + ";opaque=user:epid:" + instance + ";gruu");
        s.setBoolean(++i, true);
        s.setString(++i, "<sip:127.0.0.1:25810;transport=tcp>;methods=\"INVITE, MESSAGE, INFO, OPTIONS, BYE, CANCEL, "
                + "NOTIFY, ACK, REFER, BENOTIFY\";proxy=replace;+sip.instance=\"<urn:uuid:" + instance + ">\"");
        s.setLong(++i, now + 3_600_000);
        s.setString(++i, "tcp");
        s.setString(++i, "127.0.0.1");
        s.setInt(++i, 25810);
        s.setString(++i, user + "-1234@127.0.0.1");
        s.setLong(++i, 2);
        s.setString(++i, "1234b" + user);
        s.setString(++i, Integer.toHexString(user * 31));
        s.setLong(++i, 0);
        s.setString(++i, "UCCAPI/16.0.0.0 OC/16.0.0.0 (Skype for Business)");
        s.setNull(++i, Types.VARCHAR);
        s.setNull(++i, Types.VARCHAR);
        s.setNull(++i, Types.VARCHAR);
        s.setString(++i, "127.0.0.0");
        s.setBoolean(++i, false);
        s.setLong(++i, now);
        s.setLong(++i, now);
    }
}
