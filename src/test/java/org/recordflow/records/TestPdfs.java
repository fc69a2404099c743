package org.recordflow.records;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;

/** Packets generated for tests: one entry per page, each page's lines of text; {@link #SCAN} draws no text. */
final class TestPdfs {

    /** A page with a picture-like drawing and no text layer, as a scanner produces. */
    static final String SCAN = "\u0000scan";

    private TestPdfs() {
    }

    static List<String> page(String... lines) {
        return Arrays.asList(lines);
    }

    @SafeVarargs
    static byte[] packet(List<String>... pages) {
        return packet(Arrays.asList(pages));
    }

    static byte[] packet(List<List<String>> pages) {
        try (PDDocument document = new PDDocument()) {
            write(document, pages);
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void packet(List<List<String>> pages, Path file) {
        try (PDDocument document = new PDDocument()) {
            write(document, pages);
            document.save(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] encrypted(String userPassword) {
        try (PDDocument document = new PDDocument()) {
            write(document, List.of(page("Progress note", "Date of service: 03/14/2024")));
            var policy = new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(PDDocument document, List<List<String>> pages) throws IOException {
        var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        for (List<String> lines : pages) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            try (var content = new PDPageContentStream(document, page)) {
                if (lines.size() == 1 && SCAN.equals(lines.get(0))) {
                    content.setNonStrokingColor(0.6f, 0.6f, 0.6f);
                    content.addRect(72, 200, 400, 450);
                    content.fill();
                    continue;
                }
                float y = 720;
                for (String line : lines) {
                    content.beginText();
                    content.setFont(font, 11);
                    content.newLineAtOffset(72, y);
                    content.showText(line);
                    content.endText();
                    y -= 16;
                }
            }
        }
    }

    /** The text of each page of a PDF, read back with PDFBox. */
    static List<String> pageTexts(Path file) {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            List<String> texts = new ArrayList<>();
            var stripper = new PDFTextStripper();
            for (int i = 1; i <= document.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                texts.add(stripper.getText(document));
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Typical pages of a hospital production. */
    static List<String> edNote(String date) {
        return page("EMERGENCY DEPARTMENT NOTE", "Date of service: " + date, "Chief complaint: neck pain after collision",
                "Triage level 3", "DOB: 02/29/1984");
    }

    static List<String> continuation(String text) {
        return page(text, "Patient resting comfortably.");
    }

    static List<String> imaging(String date) {
        return page("RADIOLOGY REPORT", "Date of exam: " + date, "CT of the cervical spine", "Findings: no fracture",
                "Impression: normal study");
    }

    static List<String> bill(String... serviceDates) {
        List<String> lines = new ArrayList<>(List.of("ITEMIZED STATEMENT", "Statement of account"));
        for (String date : serviceDates) {
            lines.add(date + "   CPT 99284   ED visit   $1,250.00");
        }
        lines.add("Balance due: $2,500.00");
        return lines;
    }
}
