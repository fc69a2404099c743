package org.recordflow.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recordflow.records.TestPdfs.edNote;
import static org.recordflow.records.TestPdfs.imaging;
import static org.recordflow.records.TestPdfs.page;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionFactory;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActiveContentRemoverTest {

    static final List<List<String>> PAGES = List.of(edNote("03/14/2024"), imaging("03/15/2024"), page("Addendum"));

    @TempDir
    Path folder;

    @Test
    void everyScriptActionAttachmentAndFormScriptIsGoneWhilePagesAndTextStay() throws IOException {
        byte[] hostile = TestPdfs.withActiveContent(PAGES);
        try (PDDocument before = Loader.loadPDF(hostile)) {
            assertThat(TestPdfs.activeContent(before)).as("the test PDF carries what the remover must find")
                    .contains("/OpenAction", "/AA", "/JS", "/JavaScript", "/EmbeddedFiles", "/EF", "/XFA",
                            "action /Launch", "action /JavaScript", "action /SubmitForm", "action /ImportData",
                            "action /GoToR", "action /GoToE", "action /URI", "annotation /FileAttachment");
        }

        Path sanitized = folder.resolve("sanitized.pdf");
        ActiveContentRemover.Removed removed;
        try (PDDocument document = Loader.loadPDF(hostile)) {
            removed = ActiveContentRemover.removeFrom(document);
            document.save(sanitized.toFile());
        }

        try (PDDocument after = Loader.loadPDF(sanitized.toFile())) {
            assertThat(TestPdfs.activeContent(after)).isEmpty();
            assertThat(after.getNumberOfPages()).isEqualTo(3);
            assertThat(after.getDocumentCatalog().getAcroForm().getFields()).hasSize(3);
        }
        assertThat(TestPdfs.pageTexts(sanitized)).isEqualTo(TestPdfs.pageTexts(write(hostile)));
        assertThat(removed.counts()).containsKeys("/OpenAction", "/AA", "/JavaScript", "/EmbeddedFiles", "/XFA",
                "action /Launch", "action /URI", "action /GoToR", "action /GoToE", "action /SubmitForm",
                "action /ImportData", "action /JavaScript", "annotation /FileAttachment");
        assertThat(removed.describe()).contains("action /Launch x1");
    }

    @Test
    void linksAndBookmarksWithinTheDocumentStayAndAPlainPacketIsLeftAlone() throws IOException {
        byte[] plain;
        try (PDDocument document = Loader.loadPDF(TestPdfs.packet(PAGES))) {
            var toSecondPage = new PDPageFitDestination();
            toSecondPage.setPage(document.getPage(1));
            var goTo = new PDActionGoTo();
            goTo.setDestination(toSecondPage);
            var link = new PDAnnotationLink();
            link.setAction(goTo);
            document.getPage(0).getAnnotations().add(link);
            var outline = new PDDocumentOutline();
            var bookmark = new PDOutlineItem();
            bookmark.setTitle("Imaging");
            bookmark.setDestination(toSecondPage);
            outline.addLast(bookmark);
            var second = new PDOutlineItem();
            second.setTitle("Addendum");
            second.setAction(goTo);
            outline.addLast(second);
            var third = new PDOutlineItem();
            third.setTitle("Last page");
            third.setAction(named("LastPage"));
            outline.addLast(third);
            document.getDocumentCatalog().setDocumentOutline(outline);
            plain = TestPdfs.bytesOf(document);
        }

        try (PDDocument document = Loader.loadPDF(plain)) {
            assertThat(ActiveContentRemover.removeFrom(document).isEmpty()).isTrue();
            var link = (PDAnnotationLink) document.getPage(0).getAnnotations().get(0);
            assertThat(link.getAction()).isInstanceOf(PDActionGoTo.class);
            List<String> titles = new ArrayList<>();
            document.getDocumentCatalog().getDocumentOutline().children().forEach(item -> titles.add(item.getTitle()));
            assertThat(titles).containsExactly("Imaging", "Addendum", "Last page");
            assertThat(document.getDocumentCatalog().getDocumentOutline().getLastChild().getAction()).isNotNull();
        }
    }

    @Test
    void aNamedActionOtherThanTurningPagesIsRemoved() throws IOException {
        try (PDDocument document = Loader.loadPDF(TestPdfs.packet(PAGES))) {
            var link = new PDAnnotationLink();
            link.setAction(named("SaveAs"));
            document.getPage(0).getAnnotations().add(link);

            assertThat(ActiveContentRemover.removeFrom(document).counts()).containsEntry("action /Named", 1);
            assertThat(link.getAction()).isNull();
        }
    }

    static PDAction named(String name) {
        var action = new COSDictionary();
        action.setItem(COSName.S, COSName.getPDFName("Named"));
        action.setItem(COSName.N, COSName.getPDFName(name));
        return PDActionFactory.createAction(action);
    }

    Path write(byte[] content) throws IOException {
        return Files.write(folder.resolve("original.pdf"), content);
    }
}
