package org.recordflow.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDF work on received packets, page at a time, with PDFBox's stream cache in temporary files so a
 * packet of thousands of pages never has to fit in memory.
 */
final class PacketPdf {

    static final float STAMP_FONT_SIZE = 9f;

    private PacketPdf() {
    }

    /**
     * Opens a stored or uploaded PDF without keeping its streams in memory. A PDF encrypted with a
     * password throws PDFBox's {@code InvalidPasswordException}; one encrypted for certificate
     * holders throws {@link CertificateEncryptedException}: opening it would take the recipient's
     * private key, which Recordflow never has, and PDFBox needs BouncyCastle (not shipped) even to
     * say so, failing with a {@code NoClassDefFoundError} instead.
     */
    static PDDocument open(Path file) throws IOException {
        RandomAccessRead source = new RandomAccessReadBufferedFile(file.toFile());
        try {
            return Loader.loadPDF(source, "", IOUtils.createTempFileOnlyStreamCache());
        } catch (NoClassDefFoundError e) {
            source.close();
            if (e.getMessage() != null && e.getMessage().startsWith("org/bouncycastle/")) {
                throw new CertificateEncryptedException();
            }
            throw e;
        } catch (IOException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /** A PDF encrypted with public-key security (certificates), which only its recipients can open. */
    static final class CertificateEncryptedException extends IOException {
        CertificateEncryptedException() {
            super("The PDF is encrypted for certificate holders");
        }
    }

    static PDDocument create() {
        return new PDDocument(IOUtils.createTempFileOnlyStreamCache());
    }

    /** True when the file starts like a PDF ({@code %PDF-} in its first kilobyte). */
    static boolean hasPdfHeader(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(1024), java.nio.charset.StandardCharsets.ISO_8859_1);
            return head.contains("%PDF-");
        }
    }

    /** True when the file ends like a complete PDF ({@code %%EOF} in its last 2 KB). */
    static boolean hasEndOfFileMarker(Path file) throws IOException {
        long size = Files.size(file);
        try (var channel = Files.newByteChannel(file)) {
            long from = Math.max(0, size - 2048);
            channel.position(from);
            var buffer = java.nio.ByteBuffer.allocate((int) (size - from));
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // read the tail
            }
            return new String(buffer.array(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("%%EOF");
        }
    }

    @FunctionalInterface
    interface PageHandler {
        void page(int pageNumber, PDPage page, String text) throws IOException;
    }

    /** Extracts each page's text in one pass over the document and hands it over with the page. */
    static void eachPage(PDDocument document, PageHandler handler) throws IOException {
        var buffer = new StringWriter();
        var stripper = new PDFTextStripper() {
            @Override
            protected void endPage(PDPage page) throws IOException {
                super.endPage(page);
                output.flush();
                String text = buffer.toString();
                buffer.getBuffer().setLength(0);
                handler.page(getCurrentPageNo(), page, text);
            }
        };
        stripper.setStartPage(1);
        stripper.setEndPage(Integer.MAX_VALUE);
        stripper.writeText(document, buffer);
    }

    /** Writes a Bates label in the bottom right corner of the page, over a white box. */
    static void stamp(PDDocument document, PDPage page, PDType1Font font, String label) throws IOException {
        PDRectangle box = page.getCropBox();
        float textWidth = font.getStringWidth(label) / 1000f * STAMP_FONT_SIZE;
        float x = box.getLowerLeftX() + box.getWidth() - textWidth - 18f;
        float y = box.getLowerLeftY() + 10f;
        try (var content = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
            var opaque = new PDExtendedGraphicsState();
            opaque.setNonStrokingAlphaConstant(1f);
            content.setGraphicsStateParameters(opaque);
            content.setNonStrokingColor(1f, 1f, 1f);
            content.addRect(x - 3f, y - 3f, textWidth + 6f, STAMP_FONT_SIZE + 5f);
            content.fill();
            content.setNonStrokingColor(0f, 0f, 0f);
            content.beginText();
            content.setFont(font, STAMP_FONT_SIZE);
            content.newLineAtOffset(x, y);
            content.showText(label);
            content.endText();
        }
    }

    static PDType1Font helvetica() {
        return new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    }

    static PDType1Font helveticaBold() {
        return new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    }
}
