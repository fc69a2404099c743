package org.recordflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;

/**
 * One Recordflow JVM started from the packaged jar ({@code target/recordflow-*.jar}), for tests that
 * kill it or run two of them: its own port, its output in {@code target/nodes/<name>.log}, ready
 * when its readiness probe says so (after the start-up work, such as the document store sweep).
 */
public final class AppNode implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Map<String, String> environment;
    private final Map<String, String> properties;
    private final int port;
    private final Path log;
    /** Quicker starts on a small machine: the client compiler only, one GC thread */
    private final List<String> jvmOptions = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    private Process process;

    private AppNode(String name, Map<String, String> environment, Map<String, String> properties) {
        this.name = name;
        this.environment = environment;
        this.properties = properties;
        this.port = freePort();
        this.log = Path.of("target", "nodes", name + ".log");
    }

    /** A node on PostgreSQL with the demo users, sending mail to {@code smtpPort}, its engine named {@code name}. */
    public static AppNode onPostgres(String name, String jdbcUrl, String user, String password, Path storageDir,
                                     int smtpPort) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("RECORDFLOW_DB_URL", jdbcUrl);
        environment.put("RECORDFLOW_DB_USER", user);
        environment.put("RECORDFLOW_DB_PASSWORD", password);
        environment.put("RECORDFLOW_STORAGE_DIR", storageDir.toAbsolutePath().toString());
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.profiles.active", "postgres,demo");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", String.valueOf(smtpPort));
        // The engine's name for itself in ACT_HI_JOB_LOG.HOSTNAME_ (default: this machine's address, the same for both)
        properties.put("camunda.bpm.generic-properties.properties.hostname", name);
        // An idle job executor looks for due jobs at least every second (default: backs off to a minute)
        properties.put("camunda.bpm.job-execution.wait-time-in-millis", "500");
        properties.put("camunda.bpm.job-execution.max-wait", "1000");
        properties.put("recordflow.oversight.metrics-refresh", "1h");
        return new AppNode(name, environment, properties);
    }

    /** Sets (or, with null, removes) an application property for the next start. */
    public AppNode with(String property, String value) {
        if (value == null) {
            properties.remove(property);
        } else {
            properties.put(property, value);
        }
        return this;
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    /** Starts the JVM (output appended to its log) and waits until it is ready. */
    public AppNode start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is running already");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString()));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        command.add("--server.port=" + port);
        try {
            Files.createDirectories(log.getParent());
            var builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("PORT", String.valueOf(port));
            Files.writeString(log, "==== start " + Instant.now() + " " + properties + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start node " + name, e);
        }
        Process started = process;
        // A node must not outlive the test JVM, whatever happens to the test
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        try {
            await(START_TIMEOUT, () -> {
                if (!started.isAlive()) {
                    throw new AssertionError("Node " + name + " exited with " + started.exitValue() + "; see " + log.toAbsolutePath());
                }
                return ready();
            }, "node " + name + " ready (see " + log.toAbsolutePath() + ")");
        } catch (AssertionError e) {
            kill();
            throw e;
        }
        return this;
    }

    private boolean ready() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("UP");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** kill -9: SIGKILL, no shutdown hooks, no rollback; waits until the process is gone. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(30));
    }

    /** An orderly shutdown (SIGTERM), forced after a minute. */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitForExit(Duration.ofSeconds(60))) {
            kill();
        }
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Recordflow's API client for this node, logged in with Basic authentication. */
    public RecordflowApiClient api(String user, String password) {
        return new RecordflowApiClient(rest(), user, password);
    }

    /** A REST template rooted at this node (not logged in). */
    public TestRestTemplate rest() {
        return new TestRestTemplate(new RestTemplateBuilder().rootUri(baseUrl()));
    }

    /** The packaged application: {@code target/recordflow-*.jar}, built by {@code package}. */
    public static Path jar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("recordflow-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No target/recordflow-*.jar: run ./mvnw package first"))
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static int freePort() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls {@code condition} (external state: HTTP, the database, files) until true or the deadline passes. */
    public static void await(Duration timeout, BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for " + what);
            }
        }
    }
}
