package org.recordflow.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.LinkedMultiValueMap;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * What Recordflow nodes started from the jar share in a test: one PostgreSQL (embedded binaries),
 * one document store directory, one SMTP server (GreenMail). The test reads the database and the
 * directory directly to check what the nodes left behind; it drives the nodes over HTTP only.
 */
public final class NodeTestBed implements AutoCloseable {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    private final EmbeddedPostgres postgres;
    private final Path storage;
    private final Path markers;
    private final GreenMail smtp;
    private final int smtpPort;
    private final JdbcClient db;

    private NodeTestBed(String name) throws IOException {
        this.storage = Path.of("target", "nodes", name + "-storage").toAbsolutePath();
        this.markers = Path.of("target", "nodes", name + "-markers").toAbsolutePath();
        FileSystemUtils.deleteRecursively(storage);
        FileSystemUtils.deleteRecursively(markers);
        Files.createDirectories(storage);
        this.postgres = EmbeddedPostgres.builder().start();
        this.db = JdbcClient.create(postgres.getPostgresDatabase());
        this.smtpPort = AppNode.freePort();
        this.smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    public static NodeTestBed start(String name) {
        try {
            return new NodeTestBed(name);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the test bed", e);
        }
    }

    /** A node on this bed's database, storage and mail server (not started). */
    public AppNode node(String name) {
        return AppNode.onPostgres(name, postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", storage, smtpPort)
                .with("recordflow.fault-injection.marker-dir", markers.toString());
    }

    public JdbcClient db() {
        return db;
    }

    public Path storage() {
        return storage;
    }

    /** True once a node halted at {@code point} (see FaultInjection). */
    public boolean halted(String point) {
        return Files.exists(markers.resolve(point));
    }

    public void clearMarkers() {
        FileSystemUtils.deleteRecursively(markers.toFile());
    }

    // --- driving cases over HTTP

    /**
     * Opens a subpoena case (no authorization phase; a court order on file, the subpoena uploaded)
     * with {@code holders} record holders of {@code holderType} that take e-mail at
     * {@code <tag>-<n>@holders.example}, and confirms them.
     */
    public static String openEmailCase(RecordflowApiClient api, String tag, int holders, String holderType) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 1; i <= holders; i++) {
            list.add(IntakeForms.holder(holderType + " " + tag + "-" + i, holderType, "EMAIL", address(tag, i)));
        }
        var driver = new CaseDriver(api);
        String reference = driver.open(IntakeForms.intake("CA", list, "legalBasis", "SUBPOENA",
                "subpoenaReturnDate", LocalDate.now().plusDays(120).toString(), "subpoenaAssurance", "COURT_ORDER"));
        api.uploadSubpoena(api.caseId(reference), progressNote("subpoena " + tag));
        driver.confirmHolders(reference);
        return reference;
    }

    public static String address(String tag, int holder) {
        return tag + "-" + holder + "@holders.example";
    }

    public List<Long> requestIds(String reference) {
        return db.sql("""
                select r.id from record_request r join case_file c on c.id = r.case_id where c.reference = ? order by r.id
                """).param(reference).query(Long.class).list();
    }

    public long caseId(String reference) {
        return db.sql("select id from case_file where reference = ?").param(reference).query(Long.class).single();
    }

    public String processOf(long requestId) {
        return db.sql("select process_instance_id from record_request where id = ?").param(requestId).query(String.class).single();
    }

    /** The request's process waits for its packet (its letter went out and the deadline clock runs). */
    public boolean waitingForPacket(long requestId) {
        return db.sql("select count(*) from act_ru_event_subscr where event_name_ = 'PacketReceived' and proc_inst_id_ = ?")
                .param(processOf(requestId)).query(Long.class).single() > 0;
    }

    /** Uploads a packet as paula; throws when the node dies before answering. */
    public static ResponseEntity<Map<String, Object>> upload(AppNode node, long requestId, String fileName, byte[] pdf) {
        return node.rest().withBasicAuth("paula", "demo").exchange("/api/requests/{id}/packets", HttpMethod.POST,
                packetUpload(fileName, pdf), MAP, requestId);
    }

    /** The multipart form of a packet upload received by fax, as an integration sends it. */
    public static HttpEntity<LinkedMultiValueMap<String, Object>> packetUpload(String fileName, byte[] pdf) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(pdf) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        body.add("channel", "FAX");
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(body, headers);
    }

    /** A one-page progress note that differs by {@code tag}, so each test's packet has its own hash. */
    public static byte[] progressNote(String tag) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            try (var content = new PDPageContentStream(document, page)) {
                float y = 720;
                for (String line : List.of("PROGRESS NOTE", "Date of service: 03/14/2026", "Office visit, neck pain",
                        "Reference " + tag)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                    content.newLineAtOffset(72, y);
                    content.showText(line);
                    content.endText();
                    y -= 16;
                }
            }
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- what the nodes left behind

    /** Timer jobs: id and due date, e.g. to compare before a crash and after the restart. */
    public Map<String, Object> timerJobs() {
        var timers = new java.util.TreeMap<String, Object>();
        db.sql("select id_, duedate_ from act_ru_job where type_ = 'timer'")
                .query((rs, n) -> timers.put(rs.getString(1), rs.getTimestamp(2).toInstant())).list();
        return timers;
    }

    /** Hashes every packet and binder row names, each checked against its file's content. */
    public List<String> rowsWithoutTheirFile() {
        List<String> problems = new ArrayList<>();
        for (String sha : referencedHashes()) {
            Path file = storage.resolve("sha256").resolve(sha.substring(0, 2)).resolve(sha);
            try {
                if (!Files.exists(file)) {
                    problems.add(sha + " is missing");
                } else if (!sha256(Files.readAllBytes(file)).equals(sha)) {
                    problems.add(sha + " does not match its content");
                }
            } catch (IOException e) {
                problems.add(sha + ": " + e);
            }
        }
        return problems;
    }

    /** Stored files no row names, and leftover temporary files. */
    public List<String> orphanFiles() {
        Set<String> referenced = referencedHashes();
        try (Stream<Path> walk = Files.walk(storage)) {
            return walk.filter(Files::isRegularFile).map(storage::relativize)
                    .filter(file -> file.startsWith("tmp") || !referenced.contains(file.getFileName().toString()))
                    .map(Path::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of the records tables whose packet, case or request is gone (the schema's keys should make this empty). */
    public List<String> orphanRows() {
        List<String> problems = new ArrayList<>();
        Map<String, String> checks = Map.of(
                "packet_page without packet", "select count(*) from packet_page p where not exists (select 1 from packet k where k.id = p.packet_id)",
                "encounter without packet", "select count(*) from encounter e where not exists (select 1 from packet k where k.id = e.packet_id)",
                "custody event of a missing packet", "select count(*) from custody_event e where e.packet_id is not null and not exists (select 1 from packet k where k.id = e.packet_id)",
                "packet without pages", "select count(*) from packet k where not exists (select 1 from packet_page p where p.packet_id = k.id)",
                "outbox mail of a missing request", "select count(*) from outbound_mail m where not exists (select 1 from record_request r where r.id = m.request_id)",
                "request without process", "select count(*) from record_request r where r.process_instance_id is null");
        checks.forEach((what, sql) -> {
            long count = db.sql(sql).query(Long.class).single();
            if (count > 0) {
                problems.add(count + " " + what);
            }
        });
        return problems;
    }

    private Set<String> referencedHashes() {
        return new HashSet<>(db.sql("select sha256 from packet union select stamped_sha256 from packet union select sha256 from binder")
                .query(String.class).list());
    }

    public static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- mail

    public List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    public List<MimeMessage> allMails() {
        return List.of(smtp.getReceivedMessages());
    }

    public static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        smtp.stop();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
