package org.recordflow.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.recordflow.casefile.CaseFileService;
import org.recordflow.casefile.CaseOpening;
import org.recordflow.casefile.CaseType;
import org.recordflow.casefile.HolderType;
import org.recordflow.casefile.LegalBasis;
import org.recordflow.retrieval.RecordRequestService;
import org.recordflow.support.RecordflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Scale check, not part of the default build: {@code ./mvnw -q -Pbenchmark test} runs it in a JVM
 * limited to 512 MB. It receives a 100-page packet (the baseline) and then a 3,000-page one through
 * the whole pipeline (store, stamp, classify, rows, verdict, binder) and prints time per page and
 * peak heap of each, with the ratios against the baseline. It asserts only that the large packet
 * was processed completely; the figures are for people to read.
 */
@Tag("benchmark")
@RecordflowSpringTest
class PacketScaleBenchmark {

    static final int BASELINE_PAGES = 100;
    static final int LARGE_PAGES = 3000;

    @Autowired
    PacketService packets;
    @Autowired
    CaseFileService caseFiles;
    @Autowired
    RecordRequestService requests;
    @Autowired
    BinderService binders;

    record Run(int pages, long millis, long peakHeapBytes) {
        double millisPerPage() {
            return (double) millis / pages;
        }
    }

    @Test
    void aLargePacketIsProcessedInBoundedMemory() throws Exception {
        Run baseline = run(BASELINE_PAGES);
        Run large = run(LARGE_PAGES);
        long maxHeap = Runtime.getRuntime().maxMemory();
        System.out.printf("%nPacket scale benchmark (max heap %d MB)%n", maxHeap >> 20);
        for (Run r : List.of(baseline, large)) {
            System.out.printf("  %5d pages: %7d ms, %6.2f ms/page, peak heap %4d MB%n", r.pages(), r.millis(),
                    r.millisPerPage(), r.peakHeapBytes() >> 20);
        }
        System.out.printf("  ratio %d/%d pages: time per page x%.2f, peak heap x%.2f%n%n", LARGE_PAGES, BASELINE_PAGES,
                large.millisPerPage() / baseline.millisPerPage(),
                (double) large.peakHeapBytes() / baseline.peakHeapBytes());
    }

    private Run run(int pageCount) throws Exception {
        var opened = caseFiles.open(new CaseOpening("Benchmark Client", LocalDate.of(1980, 1, 1), LocalDate.of(2024, 1, 1),
                CaseType.PERSONAL_INJURY, "CA", "paralegals", LegalBasis.AUTHORIZATION, null, null, false, false,
                List.of(TestCases.holder("Benchmark Hospital", HolderType.HOSPITAL))), "paula", null);
        long requestId = requests.createForCase(opened.caseId()).get(0);
        Path file = Files.createTempFile("benchmark-", ".pdf");
        try {
            TestPdfs.packet(pages(pageCount), file);
            System.gc();
            resetPeaks();
            long start = System.nanoTime();
            PacketService.Received received;
            try (InputStream in = Files.newInputStream(file)) {
                received = packets.receive(new PacketService.Receipt(requestId, opened.caseId(), "large.pdf",
                        LocalDate.of(2024, 6, 1), null, "MAIL", "paula"), in);
            }
            assertThat(binders.current(opened.caseId())).as("the binder, built after the upload").isPresent();
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(received.pageCount()).isEqualTo(pageCount);
            return new Run(pageCount, millis, peakHeap());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A hospital stay repeated: an encounter every 5 pages, a month of dates. */
    static List<List<String>> pages(int count) {
        List<List<String>> pages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String date = "03/%02d/2024".formatted(1 + (i / 5) % 28);
            pages.add(switch (i % 5) {
                case 0 -> TestPdfs.edNote(date);
                case 1 -> TestPdfs.continuation("Nursing note " + i + ". Vital signs stable. " + "Lorem ipsum ".repeat(30));
                case 2 -> TestPdfs.imaging(date);
                case 3 -> TestPdfs.page("LABORATORY RESULTS", "Date of service: " + date, "Specimen: blood",
                        "Reference range: normal");
                default -> TestPdfs.bill(date);
            });
        }
        return pages;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
