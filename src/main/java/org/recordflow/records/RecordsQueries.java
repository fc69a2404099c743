package org.recordflow.records;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/** Read side of received records: packets, the case's index and its chain of custody. */
@Service
public class RecordsQueries {

    private final PacketRepository packets;
    private final BatesRegister bates;
    private final PageRules rules;
    private final DocumentStore documents;

    RecordsQueries(PacketRepository packets, BatesRegister bates, PageRules rules, DocumentStore documents) {
        this.packets = packets;
        this.bates = bates;
        this.rules = rules;
        this.documents = documents;
    }

    public record PageEntry(int pageNumber, String bates, String category, String matchedRule, LocalDate serviceDate,
                            boolean encounterStart, boolean needsOcr) {
    }

    public record IndexEntry(long packetId, long requestId, LocalDate serviceDate, String provider, String category,
                             String categoryLabel, String firstBates, String lastBates, int pages) {
    }

    public record PacketDetail(Packet packet, String firstBates, String lastBates, List<IndexEntry> encounters,
                               List<PageEntry> pages) {
    }

    public List<Packet> packetsOfRequest(long requestId) {
        return packets.forRequest(requestId);
    }

    public PacketDetail packet(long packetId) {
        Packet packet = packets.find(packetId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No packet with id " + packetId));
        var numbering = bates.numbering(packet.caseId());
        List<PageEntry> pages = packets.pages(packetId).stream()
                .map(p -> new PageEntry(p.pageNumber(), numbering.label(p.batesNumber()), p.category(), p.matchedRule(),
                        p.serviceDate(), p.encounterStart(), p.needsOcr()))
                .toList();
        return new PacketDetail(packet, numbering.label(packet.firstBates()), numbering.label(packet.lastBates()),
                entries(packet.caseId(), packets.encountersOfPacket(packetId)), pages);
    }

    /** The case's encounters in chronological order, as the binder's index lists them. */
    public List<IndexEntry> index(long caseId) {
        return entries(caseId, packets.encountersOfCase(caseId));
    }

    public List<PacketRepository.CustodyEvent> custody(long caseId) {
        return packets.events(caseId);
    }

    Path verified(String sha256) {
        return documents.verified(sha256);
    }

    private List<IndexEntry> entries(long caseId, List<Encounter> encounters) {
        var numbering = bates.numbering(caseId);
        return encounters.stream()
                .map(e -> new IndexEntry(e.packetId(), e.requestId(), e.serviceDate(), e.provider(), e.category(),
                        rules.label(e.category()), numbering.label(e.firstBates()), numbering.label(e.lastBates()),
                        e.lastPage() - e.firstPage() + 1))
                .toList();
    }
}
