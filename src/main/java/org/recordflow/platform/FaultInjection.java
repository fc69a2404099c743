package org.recordflow.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Named points at the risky moments of Recordflow's side effects (a file stored but its row not
 * committed, a letter handed to the mail server but not marked sent), for the crash tests that kill
 * the JVM there. Inert unless {@value #HALT_AT} names a point: then the thread that reaches it
 * (after {@value #PASS} earlier passes) writes a marker file named after the point into
 * {@value #MARKER_DIR} and blocks for good, so that a test can kill the process at exactly that
 * moment. {@code ProductionSafetyCheck} refuses to start the production profile when it is armed.
 */
@Component
public class FaultInjection {

    public static final String HALT_AT = "recordflow.fault-injection.halt-at";
    public static final String PASS = "recordflow.fault-injection.pass";
    public static final String MARKER_DIR = "recordflow.fault-injection.marker-dir";

    /** A packet's files are in the document store, its rows not yet committed. */
    public static final String PACKET_STORED = "packet-stored";
    /** A case's binder is built and stored, its row not yet committed. */
    public static final String BINDER_STORED = "binder-stored";
    /** The outbox row is committed as SENDING; the letter is not yet handed to the mail server. */
    public static final String MAIL_SENDING = "mail-sending";
    /** The mail server accepted the letter; SENT is not yet committed. */
    public static final String MAIL_ACCEPTED = "mail-accepted";
    /** The letter is marked SENT; the delivery job (the request's process moving on) is not yet committed. */
    public static final String MAIL_SENT = "mail-sent";

    private static final Logger log = LoggerFactory.getLogger(FaultInjection.class);

    private final String haltAt;
    private final Path markerDir;
    private final AtomicInteger passes;

    public FaultInjection(@Value("${" + HALT_AT + ":}") String haltAt, @Value("${" + PASS + ":0}") int pass,
                          @Value("${" + MARKER_DIR + ":.}") Path markerDir) {
        this.haltAt = haltAt == null ? "" : haltAt.strip();
        this.markerDir = markerDir;
        this.passes = new AtomicInteger(pass);
    }

    public static FaultInjection inert() {
        return new FaultInjection("", 0, Path.of("."));
    }

    public boolean armed() {
        return !haltAt.isEmpty();
    }

    /** Returns at once unless armed at {@code point}; then halts this thread for good. */
    public void reach(String point) {
        if (!haltAt.equals(point) || passes.getAndDecrement() > 0) {
            return;
        }
        log.warn("Fault injection: halted at {}", point);
        try {
            Files.createDirectories(markerDir);
            Files.writeString(markerDir.resolve(point), point);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the fault-injection marker", e);
        }
        var never = new CountDownLatch(1);
        while (true) {
            try {
                never.await();
            } catch (InterruptedException e) {
                // Halted means halted: only the process's end releases this thread
            }
        }
    }
}
