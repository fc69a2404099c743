package org.recordflow.records;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes what a crash leaves in the document store. A file stored inside a transaction is removed
 * again when the transaction rolls back; when the process dies instead (kill -9, power loss), the
 * file stays without a row, and so do temporary uploads. This sweep deletes stored files that no
 * packet or binder row names, and temporary files, once they are older than
 * {@code recordflow.storage.orphan-grace}, so that an upload still in flight on another node is left
 * alone. Runs at start, before the node reports ready, and then every
 * {@code recordflow.storage.orphan-sweep-interval} (default: the grace).
 */
@Component
class OrphanDocumentSweep {

    private static final Logger log = LoggerFactory.getLogger(OrphanDocumentSweep.class);

    private final DocumentStore documents;
    private final JdbcClient jdbc;
    private final Duration grace;

    OrphanDocumentSweep(DocumentStore documents, JdbcClient jdbc,
                        @Value("${recordflow.storage.orphan-grace:PT1H}") Duration grace) {
        this.documents = documents;
        this.jdbc = jdbc;
        this.grace = grace;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        sweep();
    }

    @Scheduled(fixedDelayString = "${recordflow.storage.orphan-sweep-interval:${recordflow.storage.orphan-grace:PT1H}}",
            initialDelayString = "${recordflow.storage.orphan-sweep-interval:${recordflow.storage.orphan-grace:PT1H}}")
    void periodically() {
        sweep();
    }

    /** @return the files removed */
    int sweep() {
        // File times are wall-clock times: the engine's clock (moved by tests) does not apply
        Instant cutoff = Instant.now().minus(grace);
        Set<String> referenced = new HashSet<>(jdbc.sql("""
                select sha256 from packet union select stamped_sha256 from packet union select sha256 from binder
                """).query(String.class).list());
        int removed = 0;
        for (Path file : files(documents.root().resolve("sha256"))) {
            String name = file.getFileName().toString();
            if (!referenced.contains(name) && olderThan(file, cutoff) && delete(file)) {
                log.warn("Removed stored document {}: no packet or binder refers to it (left by a crash)", name);
                removed++;
            }
        }
        for (Path file : files(documents.root().resolve("tmp"))) {
            if (olderThan(file, cutoff) && delete(file)) {
                removed++;
            }
        }
        if (removed > 0) {
            log.info("Document store sweep removed {} orphaned files", removed);
        }
        return removed;
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    private static boolean olderThan(Path file, Instant cutoff) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean delete(Path file) {
        try {
            file.toFile().setWritable(true);
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not remove orphaned file {}", file.getFileName(), e);
            return false;
        }
    }
}
