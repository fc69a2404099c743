package org.recordflow.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a crash leaves in the store goes; what a row names, or an upload in flight may still name, stays. */
class OrphanDocumentSweepTest {

    @TempDir
    Path dir;

    @Test
    void removesOldFilesNoRowNamesAndLeftoverUploadsButSparesYoungOnes() throws Exception {
        var h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:sweep;DB_CLOSE_DELAY=-1");
        var jdbc = JdbcClient.create(h2);
        jdbc.sql("create table packet (sha256 char(64), stamped_sha256 char(64))").update();
        jdbc.sql("create table binder (sha256 char(64))").update();
        var store = new DocumentStore(dir);
        String original = store.put(file(store, "original", Duration.ofHours(2)));
        String stamped = store.put(file(store, "stamped", Duration.ofHours(2)));
        String binder = store.put(file(store, "binder", Duration.ofHours(2)));
        String orphan = store.put(file(store, "left by a crash", Duration.ofHours(2)));
        String inFlight = store.put(file(store, "another node's upload in flight", Duration.ZERO));
        Path leftoverUpload = file(store, "a temporary upload", Duration.ofHours(2));
        jdbc.sql("insert into packet values (?, ?)").params(original, stamped).update();
        jdbc.sql("insert into binder values (?)").param(binder).update();

        int removed = new OrphanDocumentSweep(store, jdbc, Duration.ofHours(1)).sweep();

        assertThat(removed).isEqualTo(2);
        assertThat(store.contains(orphan)).isFalse();
        assertThat(leftoverUpload).doesNotExist();
        assertThat(store.contains(original) && store.contains(stamped) && store.contains(binder)).isTrue();
        assertThat(store.contains(inFlight)).isTrue();
    }

    private static Path file(DocumentStore store, String content, Duration age) throws Exception {
        Path file = store.newTempFile(".pdf");
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
        return file;
    }
}
