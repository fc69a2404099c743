package org.recordflow.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class DocumentStoreTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearSynchronization() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    Path temp(DocumentStore store, String content) throws Exception {
        Path file = store.newTempFile(".pdf");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void storesUnderTheHashOnceAndNeverOverwrites() throws Exception {
        var store = new DocumentStore(dir);
        String sha = store.put(temp(store, "first packet"));
        Path stored = store.verified(sha);
        assertThat(stored).hasContent("first packet").isEqualTo(dir.resolve("sha256").resolve(sha.substring(0, 2)).resolve(sha));
        Object inode = Files.readAttributes(stored, BasicFileAttributes.class).fileKey();

        assertThat(store.put(temp(store, "first packet"))).isEqualTo(sha);

        // The same file, not a replacement (its time is refreshed for the orphan sweep, its content never touched)
        assertThat(Files.readAttributes(stored, BasicFileAttributes.class).fileKey()).isEqualTo(inode);
        assertThat(stored).hasContent("first packet");
        assertThat(Files.list(dir.resolve("tmp"))).isEmpty();
    }

    @Test
    void copyHashesWhatItWritesAndStopsPastTheLimit() throws Exception {
        Path target = dir.resolve("copy");
        var copied = DocumentStore.copy(new ByteArrayInputStream("abc".getBytes()), target, 10);
        assertThat(copied.size()).isEqualTo(3);
        assertThat(copied.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

        var tooBig = DocumentStore.copy(new ByteArrayInputStream(new byte[1_000_000]), target, 1000);
        assertThat(tooBig.size()).isGreaterThan(1000).isLessThan(1_000_000);
    }

    @Test
    void aFileChangedOnDiskIsRefusedOnRead() throws Exception {
        var store = new DocumentStore(dir);
        String sha = store.put(temp(store, "original"));
        Path stored = store.verified(sha);
        stored.toFile().setWritable(true);
        Files.writeString(stored, "tampered");

        assertThatThrownBy(() -> store.verified(sha)).isInstanceOf(DocumentIntegrityException.class)
                .hasMessageContaining("does not match its hash");
        Files.delete(stored);
        assertThatThrownBy(() -> store.verified(sha)).isInstanceOf(DocumentIntegrityException.class)
                .hasMessageContaining("is missing");
    }

    @Test
    void aFileCreatedInARolledBackTransactionIsRemovedButAnOlderOneIsKept() throws Exception {
        var store = new DocumentStore(dir);
        String kept = store.put(temp(store, "stored before"));

        TransactionSynchronizationManager.initSynchronization();
        String created = store.put(temp(store, "stored in the failed transaction"));
        assertThat(store.put(temp(store, "stored before"))).isEqualTo(kept);
        for (TransactionSynchronization sync : TransactionSynchronizationManager.getSynchronizations()) {
            sync.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK);
        }

        assertThat(store.contains(created)).isFalse();
        assertThat(store.contains(kept)).isTrue();
    }

    @Test
    void onlyHexDigestsNameFiles() {
        var store = new DocumentStore(dir);
        assertThatThrownBy(() -> store.verified("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
