package org.recordflow.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.camunda.bpm.engine.RuntimeService;
import org.recordflow.casefile.RecordHolder;
import org.recordflow.platform.Enums;
import org.recordflow.platform.FaultInjection;
import org.recordflow.platform.InvalidInputException;
import org.recordflow.platform.Problems;
import org.recordflow.retrieval.RecordRequest;
import org.recordflow.retrieval.RecordRequestService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Receives a packet against a record request: checks it, stores the original once (content
 * addressed), numbers and stamps every page on a working copy, reads each page's text into a record
 * category, dates and encounters, judges the request's completeness and tells the request's process,
 * all in one transaction: a failure stores nothing. The case's binder is built later, by indexing's
 * own job or when someone asks for it ({@link BinderService#current}).
 */
@Service
public class PacketService {

    private static final Logger log = LoggerFactory.getLogger(PacketService.class);
    static final int MAX_FILE_NAME_LENGTH = 255;
    static final int MAX_FROM_LENGTH = 200;
    static final String ASK_FOR_UNENCRYPTED = "ask the provider for an unencrypted copy";
    /** Path separators, control characters (C0, DEL, C1) and the bidirectional overrides that disguise a name. */
    static final Pattern UNSAFE_IN_FILE_NAME = Pattern.compile("[/\\\\:\\p{Cc}\\u2028\\u2029\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]");

    private final RecordRequestService requests;
    private final PacketRepository packets;
    private final DocumentStore documents;
    private final BatesRegister bates;
    private final CompletenessService completeness;
    private final PageAnalyzer analyzer;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final FaultInjection faults;
    /** Not final: a test lowers it to check the refusal of oversized files. */
    private DataSize maxPacketSize;

    PacketService(RecordRequestService requests, PacketRepository packets, DocumentStore documents,
                  BatesRegister bates, CompletenessService completeness, PageRules rules,
                  RuntimeService runtime, TransactionTemplate transaction, Clock clock,
                  @Value("${recordflow.records.max-packet-size:150MB}") DataSize maxPacketSize, FaultInjection faults) {
        this.faults = faults;
        this.requests = requests;
        this.packets = packets;
        this.documents = documents;
        this.bates = bates;
        this.completeness = completeness;
        this.analyzer = new PageAnalyzer(rules);
        this.runtime = runtime;
        this.transaction = transaction;
        this.clock = clock;
        this.maxPacketSize = maxPacketSize;
    }

    /** Who logged which file, received when, from whom and how; {@code caseId} is checked when given. */
    public record Receipt(long requestId, Long caseId, String fileName, LocalDate receivedOn, String receivedFrom,
                          String channel, String loggedBy) {
    }

    /** The outcome of an upload, for the page and the API. */
    public record Received(long packetId, boolean duplicate, long caseId, long requestId, int pageCount,
                           int pagesNeedingOcr, String firstBates, String lastBates, String sha256,
                           CompletenessVerdict verdict, List<String> missingCategories,
                           List<LocalDate> missingDatesOfService, boolean processNotified, String message) {
    }

    public Received receive(Receipt receipt, InputStream content) {
        RecordRequest request = requests.get(receipt.requestId());
        var problems = new Problems();
        if (receipt.caseId() != null && receipt.caseId() != request.caseId()) {
            problems.add("Request " + request.id() + " does not belong to case " + receipt.caseId());
        }
        ReceiptChannel channel = validateReceipt(receipt, problems);
        Path upload = documents.newTempFile(".pdf");
        try {
            DocumentStore.Copied copied = copy(content, upload);
            checkFile(upload, copied, problems);
            problems.throwIfAny();
            Optional<Packet> duplicate = packets.findByContent(request.caseId(), copied.sha256());
            if (duplicate.isPresent()) {
                return duplicateOf(duplicate.get());
            }
            Received received = transaction.execute(status -> store(request, receipt, channel, upload, copied));
            log.info("Packet {} received on request {}: {} pages, verdict {}", received.packetId(), request.id(),
                    received.pageCount(), received.verdict());
            return received;
        } finally {
            BinderService.deleteQuietly(upload);
        }
    }

    private ReceiptChannel validateReceipt(Receipt receipt, Problems problems) {
        String name = receipt.fileName();
        if (name == null || name.isBlank()) {
            problems.add("The file has no name");
        } else {
            problems.require(name.length() <= MAX_FILE_NAME_LENGTH,
                    "The file name is longer than " + MAX_FILE_NAME_LENGTH + " characters");
            problems.require(!UNSAFE_IN_FILE_NAME.matcher(name).find() && !name.equals(".") && !name.equals(".."),
                    "The file name contains path characters (/, \\, :) or control characters; rename the file");
        }
        LocalDate receivedOn = receipt.receivedOn();
        if (receivedOn != null) {
            problems.require(!receivedOn.isAfter(LocalDate.now(clock)), "Date received " + receivedOn + " is in the future");
        }
        problems.require(receipt.receivedFrom() == null || receipt.receivedFrom().length() <= MAX_FROM_LENGTH,
                "'Received from' is longer than " + MAX_FROM_LENGTH + " characters");
        problems.require(receipt.channel() != null && !receipt.channel().isBlank(),
                "Channel is required (" + List.of(ReceiptChannel.values()) + ")");
        return Enums.parse(ReceiptChannel.class, receipt.channel(), "Channel", problems);
    }

    private DocumentStore.Copied copy(InputStream content, Path upload) {
        try (content) {
            return DocumentStore.copy(content, upload, maxPacketSize.toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot receive the upload", e);
        }
    }

    private void checkFile(Path upload, DocumentStore.Copied copied, Problems problems) {
        if (copied.size() == 0) {
            problems.add("The file is empty (0 bytes)");
            return;
        }
        if (copied.size() > maxPacketSize.toBytes()) {
            problems.add("The file is larger than the limit of " + maxPacketSize.toMegabytes() + " MB");
            return;
        }
        try {
            if (!PacketPdf.hasPdfHeader(upload)) {
                problems.add("The file is not a PDF");
            } else if (!PacketPdf.hasEndOfFileMarker(upload)) {
                problems.add("The PDF is truncated or corrupt: it has no end-of-file marker");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the upload", e);
        }
    }

    private Received duplicateOf(Packet existing) {
        var numbering = bates.numbering(existing.caseId());
        var verdict = completeness.find(existing.requestId());
        return new Received(existing.id(), true, existing.caseId(), existing.requestId(), existing.pageCount(),
                existing.pagesNeedingOcr(), numbering.label(existing.firstBates()), numbering.label(existing.lastBates()),
                existing.sha256(), verdict.map(CompletenessService.Completeness::verdict).orElse(null),
                verdict.map(CompletenessService.Completeness::missingCategories).orElse(List.of()),
                verdict.map(CompletenessService.Completeness::missingDatesOfService).orElse(List.of()), false,
                "This file was already received as packet " + existing.id() + " on " + existing.receivedOn()
                        + " (request " + existing.requestId() + "); it was not stored again.");
    }

    private Received store(RecordRequest request, Receipt receipt, ReceiptChannel channel, Path upload,
                           DocumentStore.Copied copied) {
        RecordHolder holder = completeness.holderOf(request);
        Path stamped = documents.newTempFile(".pdf");
        try {
            Indexed indexed = index(request.caseId(), holder.name(), upload, stamped);
            String originalSha = documents.put(upload);
            String stampedSha = documents.put(stamped);
            faults.reach(FaultInjection.PACKET_STORED);
            var numbering = indexed.numbering();
            long first = numbering.nextNumber();
            long last = first + indexed.pages().size() - 1;
            String from = receipt.receivedFrom() == null || receipt.receivedFrom().isBlank() ? holder.name()
                    : receipt.receivedFrom().strip();
            LocalDate receivedOn = receipt.receivedOn() == null ? LocalDate.now(clock) : receipt.receivedOn();
            long packetId = packets.insertPacket(new Packet(0, request.caseId(), request.id(), originalSha, stampedSha,
                    receipt.fileName().strip(), copied.size(), indexed.pages().size(), indexed.pagesNeedingOcr(), first,
                    last, receivedOn, from, channel, receipt.loggedBy(), OffsetDateTime.now(clock)));
            packets.insertPages(packetId, request.caseId(), indexed.pages());
            packets.insertEncounters(packetId, request.caseId(), request.id(), indexed.encounters());
            packets.insertBilledDates(packetId, request.caseId(), holder.id(), indexed.billedDates());
            packets.logEvent(request.caseId(), request.id(), packetId, "PACKET_RECEIVED",
                    "'" + receipt.fileName().strip() + "', " + copied.size() + " bytes, " + indexed.pages().size()
                            + " pages, sha256 " + originalSha + ", received " + receivedOn + " from " + from + " by "
                            + channel + ", Bates " + numbering.label(first) + " - " + numbering.label(last),
                    receipt.loggedBy());
            if (!indexed.activeContent().isEmpty()) {
                packets.logEvent(request.caseId(), request.id(), packetId, "ACTIVE_CONTENT_REMOVED",
                        "from the working copy, the original is unchanged: " + indexed.activeContent().describe(),
                        receipt.loggedBy());
            }
            CompletenessService.Completeness verdict = completeness.evaluate(request.id());
            boolean notified = notifyProcess(request, packetId, verdict, receivedOn, receipt.loggedBy());
            String message = "Packet " + packetId + " stored: " + indexed.pages().size() + " pages, Bates "
                    + numbering.label(first) + " to " + numbering.label(last) + "; verdict " + verdict.verdict()
                    + (verdict.missingCategories().isEmpty() ? "" : ", missing " + String.join(", ", verdict.missingCategories()))
                    + (verdict.missingDatesOfService().isEmpty() ? "" : ", no records for billed dates "
                    + String.join(", ", verdict.missingDatesOfService().stream().map(LocalDate::toString).toList()))
                    + (indexed.pagesNeedingOcr() > 0 ? "; " + indexed.pagesNeedingOcr() + " pages have no text and need OCR" : "")
                    + (indexed.activeContent().isEmpty() ? "" : "; scripts, actions or attachments were removed from "
                    + "the working copy (the original is kept as received)")
                    + (notified ? ". The record request was notified." : ". No step of the record request is waiting for "
                    + "a packet: the packet is stored, but the request's process was not notified.");
            return new Received(packetId, false, request.caseId(), request.id(), indexed.pages().size(),
                    indexed.pagesNeedingOcr(), numbering.label(first), numbering.label(last), originalSha,
                    verdict.verdict(), verdict.missingCategories(), verdict.missingDatesOfService(), notified, message);
        } finally {
            BinderService.deleteQuietly(stamped);
        }
    }

    record Indexed(BatesRegister.Numbering numbering, List<PacketRepository.PageRow> pages, List<Encounter> encounters,
                   List<PacketRepository.BilledDate> billedDates, int pagesNeedingOcr,
                   ActiveContentRemover.Removed activeContent) {
    }

    /**
     * Numbers, stamps and reads every page, one at a time; the stamped copy, without scripts,
     * actions that leave the document or embedded files ({@link ActiveContentRemover}), goes to
     * {@code stamped}.
     */
    private Indexed index(long caseId, String provider, Path upload, Path stamped) {
        PDDocument document;
        try {
            document = PacketPdf.open(upload);
        } catch (InvalidPasswordException e) {
            throw new InvalidInputException("The PDF is encrypted with a password: " + ASK_FOR_UNENCRYPTED);
        } catch (PacketPdf.CertificateEncryptedException e) {
            throw new InvalidInputException("The PDF is encrypted for certificate holders: " + ASK_FOR_UNENCRYPTED);
        } catch (IOException e) {
            throw new InvalidInputException("The PDF cannot be read: " + e.getMessage());
        }
        try (document) {
            int pageCount = document.getNumberOfPages();
            if (pageCount == 0) {
                throw new InvalidInputException("The PDF has no pages");
            }
            if (document.isEncrypted()) {
                // Opened without a password (owner restrictions only): the working copy drops them
                document.setAllSecurityToBeRemoved(true);
            }
            BatesRegister.Numbering numbering = bates.reserve(caseId, pageCount);
            var grouping = new EncounterGrouping(provider, numbering.nextNumber());
            PDType1Font font = PacketPdf.helvetica();
            try {
                PacketPdf.eachPage(document, (pageNumber, page, text) -> {
                    grouping.add(pageNumber, analyzer.analyze(text));
                    PacketPdf.stamp(document, page, font, numbering.label(numbering.nextNumber() + pageNumber - 1));
                });
            } catch (IOException | RuntimeException e) {
                throw new InvalidInputException("The PDF cannot be read after page " + grouping.pages().size() + ": "
                        + e.getMessage());
            }
            if (grouping.pages().size() != pageCount) {
                throw new InvalidInputException("The PDF cannot be read: only " + grouping.pages().size() + " of "
                        + pageCount + " pages could be processed");
            }
            ActiveContentRemover.Removed activeContent = ActiveContentRemover.removeFrom(document);
            document.save(stamped.toFile(), CompressParameters.NO_COMPRESSION);
            return new Indexed(numbering, grouping.pages(), grouping.encounters(), grouping.billedDates(),
                    grouping.pagesNeedingOcr(), activeContent);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Bates-stamped copy", e);
        }
    }

    /**
     * Groups consecutive pages into encounters: a page with an encounter header, or one whose rules
     * name another category, starts a new one; a page no rule matches (or a scan) continues it.
     */
    static final class EncounterGrouping {

        private final String provider;
        private final long firstBates;
        private final List<PacketRepository.PageRow> pages = new ArrayList<>();
        private final List<Encounter> encounters = new ArrayList<>();
        private final Set<PacketRepository.BilledDate> billed = new LinkedHashSet<>();
        private int needingOcr;
        private String category;
        private LocalDate serviceDate;
        private int startPage;

        EncounterGrouping(String provider, long firstBates) {
            this.provider = provider;
            this.firstBates = firstBates;
        }

        void add(int pageNumber, PageAnalyzer.Page page) {
            boolean starts = category == null || page.encounterHeader()
                    || (page.category() != null && !page.category().equals(category));
            if (starts) {
                close(pageNumber - 1);
                category = page.category() == null ? PageRules.OTHER : page.category();
                serviceDate = page.serviceDate();
                startPage = pageNumber;
            } else if (serviceDate == null) {
                serviceDate = page.serviceDate();
            }
            long batesNumber = firstBates + pageNumber - 1;
            if (PageRules.BILLING.equals(category)) {
                page.dates().forEach(date -> billed.add(new PacketRepository.BilledDate(date, batesNumber)));
            }
            needingOcr += page.needsOcr() ? 1 : 0;
            pages.add(new PacketRepository.PageRow(pageNumber, batesNumber, category,
                    page.matchedRule() != null ? page.matchedRule() : "continues the page before", page.serviceDate(),
                    starts, page.needsOcr(), page.textChars()));
        }

        private void close(int lastPage) {
            if (category != null) {
                encounters.add(new Encounter(0, 0, provider, category, serviceDate, startPage, lastPage,
                        firstBates + startPage - 1, firstBates + lastPage - 1));
            }
        }

        List<PacketRepository.PageRow> pages() {
            return pages;
        }

        List<Encounter> encounters() {
            List<Encounter> all = new ArrayList<>(encounters);
            if (category != null) {
                all.add(new Encounter(0, 0, provider, category, serviceDate, startPage, pages.size(),
                        firstBates + startPage - 1, firstBates + pages.size() - 1));
            }
            return all;
        }

        List<PacketRepository.BilledDate> billedDates() {
            Map<LocalDate, PacketRepository.BilledDate> firstSeen = new java.util.LinkedHashMap<>();
            billed.forEach(date -> firstSeen.putIfAbsent(date.serviceDate(), date));
            return List.copyOf(firstSeen.values());
        }

        int pagesNeedingOcr() {
            return needingOcr;
        }
    }

    private boolean notifyProcess(RecordRequest request, long packetId, CompletenessService.Completeness verdict,
                                  LocalDate receivedOn, String user) {
        String instance = request.processInstanceId();
        boolean waiting = instance != null && runtime.createExecutionQuery().processInstanceId(instance)
                .messageEventSubscriptionName(PacketReceivedMessage.NAME).count() > 0;
        if (!waiting) {
            packets.logEvent(request.caseId(), request.id(), packetId, "PROCESS_NOT_WAITING",
                    "no execution of the request's process waits for " + PacketReceivedMessage.NAME, user);
            return false;
        }
        try {
            runtime.createMessageCorrelation(PacketReceivedMessage.NAME)
                .processInstanceId(instance)
                .setVariable(PacketReceivedMessage.PACKET_ID, packetId)
                .setVariable(PacketReceivedMessage.COMPLETENESS_VERDICT, verdict.verdict().name())
                .setVariable(PacketReceivedMessage.MISSING_CATEGORIES, String.join(",", verdict.missingCategories()))
                .setVariable(PacketReceivedMessage.MISSING_DATES_OF_SERVICE,
                        String.join(",", verdict.missingDatesOfService().stream().map(LocalDate::toString).toList()))
                .setVariable(PacketReceivedMessage.RECEIVED_ON, receivedOn.toString())
                .correlateWithResult();
        } catch (InvalidInputException e) {
            throw new InvalidInputException("The packet was rejected by the request's next step: " + e.getMessage());
        }
        packets.logEvent(request.caseId(), request.id(), packetId, "PROCESS_NOTIFIED",
                PacketReceivedMessage.NAME + " correlated with process instance " + instance, user);
        return true;
    }
}
