package graphkit.neo4j;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Neo4j Community, embedded, with its Bolt connector on 127.0.0.1: graphkit's test server.
 *
 * <p>Auth is on: user {@code neo4j}, password from GRAPHKIT_NEO4J_PASSWORD (default
 * graphkit-dev, never printed). Port from GRAPHKIT_NEO4J_PORT; without it, or with 0, a free port
 * the kernel picks, so that two runs on one machine never fight over one. Data lives in a
 * fresh temporary directory that is deleted on shutdown, unless GRAPHKIT_NEO4J_DATA names a
 * directory: that one is kept, and a server started again on it opens what the last one left
 * (after a crash, Neo4j recovers it from its transaction log). Prints one line,
 * {@code bolt://...}, once Bolt accepts connections, and shuts down cleanly on SIGTERM.
 */
public final class TestServer {

    private TestServer() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        String password = env.getOrDefault("GRAPHKIT_NEO4J_PASSWORD", "graphkit-dev");
        String wanted = env.getOrDefault("GRAPHKIT_NEO4J_PORT", "");
        int port = wanted.isEmpty() ? 0 : Integer.parseInt(wanted);
        if (password.length() < 8) {
            System.err.println("GRAPHKIT_NEO4J_PASSWORD must have at least 8 characters");
            System.exit(2);
        }
        String kept = env.getOrDefault("GRAPHKIT_NEO4J_DATA", "");
        Path home = kept.isEmpty()
                ? Files.createTempDirectory("graphkit-neo4j-")
                : Files.createDirectories(Path.of(kept).toAbsolutePath());
        boolean fresh = kept.isEmpty() || !Files.exists(home.resolve("data"));

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                dbms.shutdown();
            } finally {
                if (kept.isEmpty()) {
                    deleteTree(home);
                }
                stopped.countDown();
            }
        }, "graphkit-neo4j-shutdown"));

        // The embedded API bypasses auth, so the password is set here once, as a parameter
        // (a kept directory has it from its first start).
        if (fresh) {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        }

        GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        port = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT).getPort();
        waitForBolt(port);
        System.out.println("bolt://127.0.0.1:" + port);
        System.out.flush();
        stopped.await();
    }

    private static void waitForBolt(int port) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("Bolt did not open on 127.0.0.1:" + port);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temp directory left behind is harmless; shutdown must not fail on it.
        }
    }
}
