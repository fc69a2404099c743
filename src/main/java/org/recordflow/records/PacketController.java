package org.recordflow.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

import org.recordflow.casefile.CaseFileService;
import org.recordflow.platform.DocumentView;
import org.recordflow.platform.InvalidInputException;
import org.recordflow.retrieval.RecordRequestService;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Received records for integrations: upload packets, read the index, the verdicts and the binder. */
@RestController
class PacketController {

    static final String NOSNIFF_HEADER = "X-Content-Type-Options";
    static final String CSP_HEADER = "Content-Security-Policy";

    private final PacketService packets;
    private final RecordsQueries queries;
    private final CompletenessService completeness;
    private final BinderService binders;
    private final BatesRegister bates;
    private final RecordRequestService requests;
    private final CaseFileService cases;

    PacketController(PacketService packets, RecordsQueries queries, CompletenessService completeness,
                     BinderService binders, BatesRegister bates, RecordRequestService requests, CaseFileService cases) {
        this.packets = packets;
        this.queries = queries;
        this.completeness = completeness;
        this.binders = binders;
        this.bates = bates;
        this.requests = requests;
        this.cases = cases;
    }

    @PostMapping(path = "/api/requests/{requestId}/packets", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<PacketService.Received> upload(@PathVariable long requestId,
                                                  @RequestParam(required = false) Long caseId,
                                                  @RequestParam(required = false) MultipartFile file,
                                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
                                                  @RequestParam(required = false) String receivedFrom,
                                                  @RequestParam(required = false) String channel,
                                                  Principal user) {
        PacketService.Received received = receive(requestId, caseId, file, receivedOn, receivedFrom, channel, user, packets);
        return ResponseEntity.status(received.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(received);
    }

    @PostMapping(path = "/api/cases/{caseId}/requests/{requestId}/packets", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<PacketService.Received> uploadToCase(@PathVariable long caseId, @PathVariable long requestId,
                                                        @RequestParam(required = false) MultipartFile file,
                                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
                                                        @RequestParam(required = false) String receivedFrom,
                                                        @RequestParam(required = false) String channel,
                                                        Principal user) {
        return upload(requestId, caseId, file, receivedOn, receivedFrom, channel, user);
    }

    /** Shared by the API and the upload page. */
    static PacketService.Received receive(long requestId, Long caseId, MultipartFile file, LocalDate receivedOn,
                                          String receivedFrom, String channel, Principal user, PacketService packets) {
        if (file == null) {
            throw new InvalidInputException("Choose the packet's PDF file to upload");
        }
        try {
            InputStream content = file.getInputStream();
            return packets.receive(new PacketService.Receipt(requestId, caseId, file.getOriginalFilename(), receivedOn,
                    receivedFrom, channel, user.getName()), content);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the upload", e);
        }
    }

    @GetMapping("/api/requests/{requestId}/packets")
    List<Packet> packetsOfRequest(@PathVariable long requestId) {
        requests.get(requestId);
        return queries.packetsOfRequest(requestId);
    }

    @GetMapping("/api/packets/{packetId}")
    RecordsQueries.PacketDetail packet(@PathVariable long packetId) {
        return queries.packet(packetId);
    }

    /**
     * The original exactly as received, for custody and forensics: whatever it contains, it is
     * downloaded, never shown in the browser, and the browser runs nothing of it (the working copy,
     * {@code /stamped}, is the one to view).
     */
    @GetMapping("/api/packets/{packetId}/original")
    @DocumentView
    ResponseEntity<Resource> original(@PathVariable long packetId) {
        Packet packet = queries.packet(packetId).packet();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        disposition(ContentDisposition.attachment(), packet.originalFileName()))
                .header(CSP_HEADER, "sandbox")
                .header(NOSNIFF_HEADER, "nosniff")
                .body(new FileSystemResource(queries.verified(packet.sha256())));
    }

    @GetMapping("/api/packets/{packetId}/stamped")
    @DocumentView
    ResponseEntity<Resource> stamped(@PathVariable long packetId) {
        Packet packet = queries.packet(packetId).packet();
        return pdf(queries.verified(packet.stampedSha256()), "bates-" + packet.originalFileName());
    }

    @GetMapping("/api/requests/{requestId}/completeness")
    CompletenessService.Completeness completeness(@PathVariable long requestId) {
        requests.get(requestId);
        return completeness.get(requestId);
    }

    record Override(String verdict, String reason) {
    }

    @PostMapping("/api/requests/{requestId}/completeness/override")
    CompletenessService.Completeness override(@PathVariable long requestId, @RequestBody Override override, Principal user) {
        return completeness.override(requestId, override.verdict(), override.reason(), user.getName());
    }

    @GetMapping("/api/cases/{caseId}/encounters")
    List<RecordsQueries.IndexEntry> encounters(@PathVariable long caseId) {
        cases.get(caseId);
        return queries.index(caseId);
    }

    @GetMapping("/api/cases/{caseId}/custody")
    List<PacketRepository.CustodyEvent> custody(@PathVariable long caseId) {
        cases.get(caseId);
        return queries.custody(caseId);
    }

    @GetMapping("/api/cases/{caseId}/binder")
    @DocumentView
    ResponseEntity<Resource> binder(@PathVariable long caseId) {
        String reference = cases.get(caseId).reference();
        return binders.current(caseId)
                .map(binder -> pdf(binders.file(binder), "binder-" + reference + ".pdf"))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/api/cases/{caseId}/bates")
    BatesRegister.Numbering numbering(@PathVariable long caseId) {
        cases.get(caseId);
        return bates.numbering(caseId);
    }

    record BatesSettings(String prefix, Integer digits) {
    }

    @PutMapping("/api/cases/{caseId}/bates")
    BatesRegister.Numbering configure(@PathVariable long caseId, @RequestBody BatesSettings settings) {
        return bates.configure(caseId, settings.prefix(), settings.digits());
    }

    /** A working copy or binder, cleaned of active content when it was made: shown in the browser. */
    private static ResponseEntity<Resource> pdf(Path file, String name) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(ContentDisposition.inline(), name))
                .header(NOSNIFF_HEADER, "nosniff")
                .body(new FileSystemResource(file));
    }

    /** The file's name as sent; one with letters beyond ASCII also as RFC 5987 UTF-8, so browsers keep them. */
    private static String disposition(ContentDisposition.Builder kind, String fileName) {
        boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(fileName);
        return (ascii ? kind.filename(fileName) : kind.filename(fileName, StandardCharsets.UTF_8)).build().toString();
    }
}
