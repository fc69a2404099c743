package org.recordflow.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Writes simple letter-size documents (letters, authorizations, reports): headings, wrapped
 * paragraphs, bullets and signature lines, flowing onto new pages. Text outside the fonts'
 * character set is replaced, never dropped silently.
 */
public final class PdfDocumentWriter implements AutoCloseable {

    private static final float MARGIN = 54;
    private static final float LINE_SPACING = 1.3f;

    private final PDDocument document = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final float fontSize;
    private final float smallSize;
    private final String footer;
    private PDPageContentStream content;
    private float y;

    /**
     * @param fontSize  body type size; headings are larger
     * @param smallSize footers and captions; a document with a legal minimum type size passes that minimum
     */
    public PdfDocumentWriter(float fontSize, float smallSize, String title, String footer) {
        this.fontSize = fontSize;
        this.smallSize = smallSize;
        this.footer = footer;
        document.getDocumentInformation().setTitle(title);
        document.getDocumentInformation().setCreator("Recordflow");
        newPage();
    }

    public PdfDocumentWriter title(String text) {
        return block(text, bold, fontSize + 6, 0);
    }

    public PdfDocumentWriter heading(String text) {
        space(fontSize * 0.6f);
        return block(text, bold, fontSize + 1, 0);
    }

    public PdfDocumentWriter paragraph(String text) {
        block(text, regular, fontSize, 0);
        return space(fontSize * 0.4f);
    }

    public PdfDocumentWriter bullet(String text) {
        return block("-  " + text, regular, fontSize, 12);
    }

    public PdfDocumentWriter labelled(String label, String value) {
        return block(label + ": " + (value == null || value.isBlank() ? "________________________" : value), regular, fontSize, 0);
    }

    public PdfDocumentWriter signatureLine(String label) {
        space(fontSize * 2.2f);
        ensureRoom(fontSize * 2);
        line(MARGIN, y, MARGIN + 300);
        y -= fontSize * LINE_SPACING;
        return block(label, regular, smallSize, 0);
    }

    public PdfDocumentWriter space(float points) {
        y -= points;
        return this;
    }

    public byte[] toBytes() {
        try {
            finishPage();
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write PDF", e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PdfDocumentWriter block(String text, PDType1Font font, float size, float indent) {
        float width = PDRectangle.LETTER.getWidth() - 2 * MARGIN - indent;
        for (String paragraphLine : text.split("\n")) {
            for (String line : wrap(printable(paragraphLine, font), font, size, width)) {
                ensureRoom(size * LINE_SPACING);
                y -= size * LINE_SPACING;
                write(line, font, size, MARGIN + indent, y);
            }
        }
        return this;
    }

    private List<String> wrap(String text, PDType1Font font, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, font, size) > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private static float width(String text, PDType1Font font, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String printable(String text, PDType1Font font) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append(cp == '\u2019' || cp == '\u2018' ? "'" : cp == '\u201C' || cp == '\u201D' ? "\"" : "?");
            }
        });
        return out.toString();
    }

    private void ensureRoom(float needed) {
        if (y - needed < MARGIN + 20) {
            finishPage();
            newPage();
        }
    }

    private void newPage() {
        try {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.LETTER.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void finishPage() {
        if (content == null) {
            return;
        }
        try {
            if (footer != null) {
                write(printable(footer + "  -  page " + document.getNumberOfPages(), regular), regular, smallSize, MARGIN, MARGIN - 20);
            }
            content.close();
            content = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String text, PDType1Font font, float size, float x, float atY) {
        try {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, atY);
            content.showText(text);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(float x1, float atY, float x2) {
        try {
            content.moveTo(x1, atY);
            content.lineTo(x2, atY);
            content.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
