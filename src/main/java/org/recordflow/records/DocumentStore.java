package org.recordflow.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Documents stored once, named by the SHA-256 of their content, never overwritten. A file is written
 * to a temporary file first and linked into place atomically; a file created inside a transaction
 * that rolls back is removed again, so the database never points at a missing file and no file is
 * left without its row. Every read verifies the hash.
 */
@Component
public class DocumentStore {

    private static final Logger log = LoggerFactory.getLogger(DocumentStore.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final Path tmp;

    DocumentStore(@Value("${recordflow.storage.dir:./data/documents}") Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.tmp = this.root.resolve("tmp");
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the document store under " + this.root, e);
        }
    }

    /** A temporary file inside the store (same file system, so it can be linked into place). */
    public Path newTempFile(String suffix) {
        try {
            return Files.createTempFile(tmp, "upload-", suffix);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary file in the document store", e);
        }
    }

    public record Copied(String sha256, long size) {
    }

    /** Copies a stream to a file, hashing it on the way; reads at most {@code limit + 1} bytes. */
    public static Copied copy(InputStream in, Path target, long limit) throws IOException {
        MessageDigest digest = sha256Digest();
        long size = 0;
        try (var hashing = new DigestInputStream(in, digest); OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = hashing.read(buffer)) != -1) {
                out.write(buffer, 0, read);
                size += read;
                if (size > limit) {
                    break;
                }
            }
        }
        return new Copied(HexFormat.of().formatHex(digest.digest()), size);
    }

    /**
     * Moves a finished temporary file into the store under its hash. When the content is already
     * stored, the existing file is kept and the temporary one deleted. Inside a transaction, a file
     * this call created is removed again if the transaction rolls back.
     */
    public String put(Path tempFile) {
        try {
            String sha = hashOf(tempFile);
            Path target = pathOf(sha);
            Files.createDirectories(target.getParent());
            boolean created;
            try {
                // A hard link is atomic and never replaces an existing file
                Files.createLink(target, tempFile);
                created = true;
            } catch (FileAlreadyExistsException e) {
                created = false;
            } catch (UnsupportedOperationException | IOException e) {
                created = moveIfAbsent(tempFile, target);
            }
            Files.deleteIfExists(tempFile);
            if (created) {
                target.toFile().setReadOnly();
                removeOnRollback(target);
            } else {
                verify(sha);
                // Fresh again, so that the orphan sweep (which spares recent files) leaves it to this transaction
                Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
            }
            return sha;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store a document", e);
        }
    }

    /** The stored file, after checking that its content still has the hash it is named by. */
    public Path verified(String sha256) {
        verify(sha256);
        return pathOf(sha256);
    }

    Path root() {
        return root;
    }

    public boolean contains(String sha256) {
        return Files.exists(pathOf(sha256));
    }

    private void verify(String sha256) {
        Path file = pathOf(sha256);
        if (!Files.exists(file)) {
            log.error("Stored document {} is missing", sha256);
            throw new DocumentIntegrityException("Stored document " + sha256 + " is missing");
        }
        String actual;
        try {
            actual = hashOf(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read stored document " + sha256, e);
        }
        if (!actual.equals(sha256)) {
            log.error("Stored document {} was altered: its content now hashes to {}", sha256, actual);
            throw new DocumentIntegrityException("Stored document " + sha256 + " does not match its hash");
        }
    }

    Path pathOf(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Not a SHA-256 hex digest: " + sha256);
        }
        return root.resolve("sha256").resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    public static String hashOf(Path file) throws IOException {
        MessageDigest digest = sha256Digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static boolean moveIfAbsent(Path source, Path target) throws IOException {
        if (Files.exists(target)) {
            return false;
        }
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            return false;
        }
        return true;
    }

    private static void removeOnRollback(Path file) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    try {
                        file.toFile().setWritable(true);
                        Files.deleteIfExists(file);
                    } catch (IOException e) {
                        log.warn("Could not remove document {} after a rollback", file.getFileName(), e);
                    }
                }
            }
        });
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
