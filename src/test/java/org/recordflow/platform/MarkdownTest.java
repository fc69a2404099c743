package org.recordflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.recordflow.support.FormMarkdown;

/**
 * The escaping helper against what users can type. The expected markdown was rendered with marked
 * 12, 13 and 14 (GFM, breaks on: what Tasklist 7.24's form-js bundles) and showed exactly the text,
 * with no element but the form's own; here each result is checked to be inert and to read back as
 * the input.
 */
class MarkdownTest {

    static final List<String> HOSTILE = List.of(
            "<img src=x onerror=alert(1)>",
            "<script>alert(document.cookie)</script>",
            "<!-- comment --> <a href=\"https://evil.example\">click</a>",
            "[click](https://evil.example)",
            "![x](https://evil.example/t.png)",
            "<https://evil.example>",
            "see https://evil.example/x and www.evil.example and a@evil.example",
            "javascript:alert(1)",
            "`code` ``x`` ```fence```",
            "{{clientName}} {{#if x}}y{{/if}} ${x} #{x}",
            "**bold** _em_ ~~del~~ | a | b |",
            "[ref]: https://evil.example \"title\"",
            "&lt;img&gt; &amp; &#60; &#x3C;",
            "O'Brien & Sons \"Ltd\"",
            "a\\",
            "back\\slash \\[x\\]",
            "José Müller-Lüdenscheidt 李小龍 Ωmega 😀",
            "1. one",
            "+ plus",
            "> quoted",
            "# heading");

    @ParameterizedTest
    @FieldSource("HOSTILE")
    void hostileTextBecomesInertMarkdownThatReadsAsTheText(String hostile) {
        String markdown = Markdown.text(hostile);

        assertThat(markdown).doesNotContain("<", ">").doesNotContainPattern("(?<!\\\\)[\\[\\]()!`*_#]");
        assertThat(FormMarkdown.shownText(markdown)).contains(hostile);
    }

    @Test
    void htmlBecomesEntitiesAndMarkdownSyntaxIsBackslashEscaped() {
        assertThat(Markdown.text("<img src=x onerror=alert(1)>")).isEqualTo("&lt;img src\\=x onerror\\=alert\\(1\\)&gt;");
        assertThat(Markdown.text("![x](https://e.example/t.png)"))
                .isEqualTo("\\!\\[x\\]\\(https\\:\\/\\/e\\.example\\/t\\.png\\)");
        assertThat(Markdown.text("Tom & \"Jerry\"")).isEqualTo("Tom &amp; &quot;Jerry&quot;");
        assertThat(Markdown.text("José 😀")).isEqualTo("José 😀");
    }

    @Test
    void linesStayLinesButCannotStartABlockOfTheirOwn() {
        String markdown = Markdown.text("first\r\n\r\n# heading\n    indented code\n\t- item\r\n\n===");

        assertThat(markdown).isEqualTo("first\n\\# heading\nindented code\n\\- item\n\\=\\=\\=");
        assertThat(FormMarkdown.shownText(markdown)).contains("first\n# heading\nindented code\n- item\n===");
    }

    @Test
    void controlCharactersAreDroppedAndTabsBecomeSpaces() {
        assertThat(Markdown.text("a\u0000b\u0007c\td\u001b")).isEqualTo("abc d");
    }

    @Test
    void numbersShowAsTheFormWouldShowThem() {
        assertThat(Markdown.text(48250.75)).isEqualTo("48250\\.75");
        assertThat(Markdown.text(1.0E7)).isEqualTo("10000000");
        assertThat(Markdown.text(120L)).isEqualTo("120");
        assertThat(Markdown.text(null)).isEmpty();
        assertThat(Markdown.text("   \n  ")).isEmpty();
    }

    @Test
    void aLinkEscapesItsTextOnOneLineAndGoesOnlyToOurOwnPaths() {
        assertThat(Markdown.link("a](https://evil.example) [b\nc", "/documents/12"))
                .isEqualTo("[a\\]\\(https\\:\\/\\/evil\\.example\\) \\[b c](/documents/12)");
        assertThat(FormMarkdown.isListOfOwnLinks("- " + Markdown.link("<img src=x>", "/authorizations/3/pdf"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/x", "//evil.example/x", "javascript:alert(1)", "/a b", "/x)(y", "/x\"y", ""})
    void aLinkToAnythingButOurOwnPathIsRefused(String path) {
        assertThatThrownBy(() -> Markdown.link("text", path)).isInstanceOf(IllegalArgumentException.class);
    }
}
