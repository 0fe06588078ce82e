/*
 * TestServer — a throwaway in-process Neo4j (community, 5.26 LTS) for diplograph's tests, started
 * with Neo4j's own test harness. Bolt listens on 127.0.0.1 only; HTTP is off. Auth is on with the
 * single user `neo4j` and a fixed password (default `diplograph-test`), or off with --no-auth.
 *
 * Usage: java -cp target/classes:target/lib/* diplograph.neo4j.TestServer
 *          [--port 7687] [--password diplograph-test | --no-auth] [--import-dir DIR] [--dir DIR]
 *          [--pagecache 256m]
 *
 * Prints one line `ready bolt://127.0.0.1:<port>` on stdout when the database is up, then runs
 * until SIGTERM/SIGINT or until its standard input closes (so it dies with the process that
 * started it). The store lives in a temporary folder that is deleted on exit.
 */
package diplograph.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;

public final class TestServer {
  private TestServer() {}

  private static volatile boolean shuttingDown = false;

  public static void main(String[] args) throws Exception {
    int port = 7687;
    String password = "diplograph-test";
    boolean auth = true;
    Path importDir = null;
    Path workDir = null;
    long pagecache = 256L * 1024 * 1024;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--port" -> port = Integer.parseInt(next(args, ++i, a));
        case "--password" -> password = next(args, ++i, a);
        case "--no-auth" -> auth = false;
        case "--import-dir" -> importDir = Path.of(next(args, ++i, a)).toAbsolutePath();
        case "--dir" -> workDir = Path.of(next(args, ++i, a)).toAbsolutePath();
        case "--pagecache" -> pagecache = parseBytes(next(args, ++i, a));
        default -> fail("unknown argument " + a);
      }
    }
    if (auth && password.length() < 8) fail("the password needs at least 8 characters");

    final boolean ownWorkDir = workDir == null;
    if (ownWorkDir) workDir = Files.createTempDirectory("diplograph-neo4j-");
    Neo4jBuilder builder =
        Neo4jBuilders.newInProcessBuilder(workDir)
            .withDisabledServer()
            .withConfig(BoltConnector.enabled, true)
            .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .withConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
            .withConfig(GraphDatabaseSettings.auth_enabled, auth)
            .withConfig(GraphDatabaseSettings.pagecache_memory, pagecache);
    if (importDir != null) {
      builder = builder.withConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir);
    }

    final Neo4j neo4j;
    try {
      neo4j = builder.build();
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null) root = root.getCause();
      fail("could not start on 127.0.0.1:" + port + ": " + root.getMessage());
      return;
    }
    if (auth) {
      // Embedded access to the system database bypasses auth: set the fixed password once.
      neo4j
          .databaseManagementService()
          .database("system")
          .executeTransactionally(
              "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
              Map.of("password", password));
    }

    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  shuttingDown = true;
                  stop.countDown();
                  try {
                    stopped.await();
                  } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                  }
                }));
    Thread stdinWatch =
        new Thread(
            () -> {
              try {
                InputStream in = System.in;
                while (in.read() != -1) {
                  // ignore input; end of stream means the parent went away
                }
              } catch (IOException ignored) {
                // treat as closed
              }
              stop.countDown();
            });
    stdinWatch.setDaemon(true);
    stdinWatch.start();

    System.out.println("ready bolt://127.0.0.1:" + port);
    System.out.flush();
    stop.await();
    try {
      neo4j.close();
      // The harness deletes its own store folder inside workDir; remove the (empty) parent too.
      if (ownWorkDir) Files.deleteIfExists(workDir);
    } catch (IOException ignored) {
      // a leftover empty temp folder is harmless
    } finally {
      System.out.println("stopped");
      System.out.flush();
      stopped.countDown();
    }
    // Stdin closed: leave now (Neo4j may keep non-daemon threads). Under a signal the JVM is
    // already exiting, and System.exit would block inside the shutdown sequence.
    if (!shuttingDown) System.exit(0);
  }

  private static String next(String[] args, int i, String flag) {
    if (i >= args.length) fail(flag + " needs a value");
    return args[i];
  }

  private static long parseBytes(String s) {
    String t = s.trim().toLowerCase();
    long mult = 1;
    if (t.endsWith("k")) mult = 1024L;
    else if (t.endsWith("m")) mult = 1024L * 1024;
    else if (t.endsWith("g")) mult = 1024L * 1024 * 1024;
    if (mult != 1) t = t.substring(0, t.length() - 1);
    return Long.parseLong(t) * mult;
  }

  private static void fail(String message) {
    System.err.println("neo4j-test-server: " + message);
    System.exit(2);
  }
}
