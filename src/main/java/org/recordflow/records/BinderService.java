package org.recordflow.records;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.recordflow.casefile.CaseFileService;
import org.recordflow.platform.FaultInjection;
import org.recordflow.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indexed binder of a case: an index of every encounter (date, provider, category, Bates range),
 * then all Bates-stamped pages in chronological order, with a bookmark per provider and encounter.
 * Built again whenever a packet arrives after the last binder.
 */
@Service
public class BinderService {

    static final int INDEX_ROWS_PER_PAGE = 40;
    static final String INDEX_BOOKMARK = "Index";

    private final JdbcClient jdbc;
    private final PacketRepository packets;
    private final DocumentStore documents;
    private final BatesRegister bates;
    private final CaseFileService cases;
    private final PageRules rules;
    private final Clock clock;
    private final FaultInjection faults;

    BinderService(JdbcClient jdbc, PacketRepository packets, DocumentStore documents, BatesRegister bates,
                  CaseFileService cases, PageRules rules, Clock clock, FaultInjection faults) {
        this.faults = faults;
        this.jdbc = jdbc;
        this.packets = packets;
        this.documents = documents;
        this.bates = bates;
        this.cases = cases;
        this.rules = rules;
        this.clock = clock;
    }

    public record Binder(long id, long caseId, String sha256, int pageCount, int encounterCount, long lastPacketId,
                         OffsetDateTime generatedAt) {
    }

    public Optional<Binder> latest(long caseId) {
        return jdbc.sql("""
                select id, case_id, sha256, page_count, encounter_count, last_packet_id, generated_at from binder
                where case_id = ? order by id desc fetch first 1 rows only
                """).param(caseId)
                .query((rs, n) -> new Binder(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                        rs.getLong(6), rs.getObject(7, OffsetDateTime.class)))
                .optional();
    }

    /** The binder that includes every packet received so far, built now if the last one is stale. */
    @Transactional
    public Optional<Binder> current(long caseId) {
        List<Packet> received = packets.forCase(caseId);
        if (received.isEmpty()) {
            return Optional.empty();
        }
        long lastPacket = received.get(received.size() - 1).id();
        Optional<Binder> latest = latest(caseId);
        if (latest.isPresent() && latest.get().lastPacketId() == lastPacket) {
            return latest;
        }
        return Optional.of(regenerate(caseId));
    }

    /** The stored binder file, its hash verified. */
    public Path file(Binder binder) {
        return documents.verified(binder.sha256());
    }

    @Transactional
    public Binder regenerate(long caseId) {
        List<Packet> received = packets.forCase(caseId);
        if (received.isEmpty()) {
            throw new InvalidInputException("Case " + caseId + " has no received packets to bind");
        }
        List<Encounter> encounters = packets.encountersOfCase(caseId);
        String reference = cases.get(caseId).reference();
        BatesRegister.Numbering numbering = bates.numbering(caseId);
        Path temp = documents.newTempFile(".pdf");
        try {
            return build(caseId, received, encounters, reference, numbering, temp);
        } finally {
            deleteQuietly(temp);
        }
    }

    private Binder build(long caseId, List<Packet> received, List<Encounter> encounters, String reference,
                         BatesRegister.Numbering numbering, Path temp) {
        Map<Long, PDDocument> sources = new HashMap<>();
        int pageCount;
        try (PDDocument binder = PacketPdf.create()) {
            for (Packet packet : received) {
                sources.put(packet.id(), PacketPdf.open(documents.verified(packet.stampedSha256())));
            }
            List<PDPage> indexPages = writeIndex(binder, reference, encounters, numbering);
            PDDocumentOutline outline = new PDDocumentOutline();
            binder.getDocumentCatalog().setDocumentOutline(outline);
            outline.addLast(bookmark(INDEX_BOOKMARK, indexPages.get(0)));
            Map<String, PDOutlineItem> providers = new LinkedHashMap<>();
            for (Encounter encounter : encounters) {
                PDDocument source = sources.get(encounter.packetId());
                PDPage first = null;
                for (int page = encounter.firstPage(); page <= encounter.lastPage(); page++) {
                    PDPage imported = binder.importPage(source.getPage(page - 1));
                    first = first == null ? imported : first;
                }
                PDPage firstPage = first;
                PDOutlineItem provider = providers.computeIfAbsent(encounter.provider(), name -> {
                    PDOutlineItem item = bookmark(name, firstPage);
                    outline.addLast(item);
                    return item;
                });
                provider.addLast(bookmark(encounterTitle(encounter, numbering), first));
            }
            pageCount = binder.getNumberOfPages();
            // Stamped copies are already clean; a copy stamped before they were cleaned may not be
            ActiveContentRemover.removeFrom(binder);
            binder.save(temp.toFile(), CompressParameters.NO_COMPRESSION);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the binder of case " + caseId, e);
        } finally {
            sources.values().forEach(BinderService::closeQuietly);
        }
        String sha = documents.put(temp);
        faults.reach(FaultInjection.BINDER_STORED);
        long lastPacket = received.get(received.size() - 1).id();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into binder (case_id, sha256, page_count, encounter_count, last_packet_id, generated_at)
                values (?, ?, ?, ?, ?, ?)
                """).params(caseId, sha, pageCount, encounters.size(), lastPacket, OffsetDateTime.now(clock))
                .update(keys, "id");
        packets.logEvent(caseId, null, lastPacket, "BINDER_GENERATED",
                pageCount + " pages, " + encounters.size() + " encounters, sha256 " + sha, null);
        return latest(caseId).orElseThrow();
    }

    String encounterTitle(Encounter encounter, BatesRegister.Numbering numbering) {
        return (encounter.serviceDate() == null ? "Undated" : encounter.serviceDate().toString()) + " "
                + rules.label(encounter.category()) + " (" + range(encounter, numbering) + ")";
    }

    static String range(Encounter encounter, BatesRegister.Numbering numbering) {
        return encounter.firstBates() == encounter.lastBates() ? numbering.label(encounter.firstBates())
                : numbering.label(encounter.firstBates()) + " - " + numbering.label(encounter.lastBates());
    }

    private List<PDPage> writeIndex(PDDocument binder, String reference, List<Encounter> encounters,
                                    BatesRegister.Numbering numbering) throws IOException {
        PDType1Font regular = PacketPdf.helvetica();
        PDType1Font bold = PacketPdf.helveticaBold();
        List<PDPage> pages = new ArrayList<>();
        int pageCount = Math.max(1, (encounters.size() + INDEX_ROWS_PER_PAGE - 1) / INDEX_ROWS_PER_PAGE);
        float[] columns = {40, 115, 300, 420};
        for (int p = 0; p < pageCount; p++) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            binder.addPage(page);
            pages.add(page);
            try (var content = new PDPageContentStream(binder, page)) {
                float y = 740;
                text(content, bold, 14, 40, y, "Index of records - " + reference + " (page " + (p + 1) + " of " + pageCount + ")");
                y -= 28;
                String[] headings = {"Date", "Provider", "Category", "Bates range"};
                for (int c = 0; c < headings.length; c++) {
                    text(content, bold, 9, columns[c], y, headings[c]);
                }
                y -= 16;
                int end = Math.min(encounters.size(), (p + 1) * INDEX_ROWS_PER_PAGE);
                for (Encounter encounter : encounters.subList(p * INDEX_ROWS_PER_PAGE, end)) {
                    text(content, regular, 9, columns[0], y,
                            encounter.serviceDate() == null ? "undated" : encounter.serviceDate().toString());
                    text(content, regular, 9, columns[1], y, clip(encounter.provider(), 36));
                    text(content, regular, 9, columns[2], y, clip(rules.label(encounter.category()), 24));
                    text(content, regular, 9, columns[3], y, range(encounter, numbering));
                    y -= 16;
                }
            }
        }
        return pages;
    }

    private static void text(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(printable(text));
        content.endText();
    }

    /** What the standard fonts can show: Latin-1 letters; anything else becomes '?'. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append((c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) ? c : '?');
        }
        return out.toString();
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    private static PDOutlineItem bookmark(String title, PDPage page) {
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(title);
        var destination = new PDPageFitDestination();
        destination.setPage(page);
        item.setDestination(destination);
        return item;
    }

    private static void closeQuietly(PDDocument document) {
        try {
            document.close();
        } catch (IOException e) {
            // a temporary read-only copy: nothing to lose
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // temporary file
        }
    }
}
