package org.recordflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The case check before our handlers decides on the id's value and fails closed: every spelling
 * Spring's binding would read as the same number but the plain one is refused; a path variable no
 * {@link CaseScopedId} knows, or a case that cannot be found out, refuses the request.
 */
class CaseAccessInterceptorTest {

    /** A handler of ours (package org.recordflow) and one that is not. */
    static class Handlers {
        void handle() {
        }
    }

    static final long ID = 42;
    static final long CASE = 7;

    CaseAccess access = mock(CaseAccess.class);
    CaseScopedId requestIds = CaseScopedId.of("requestId", id -> id == ID ? Optional.of(CASE) : Optional.empty());
    CaseScopedId caseIds = CaseScopedId.of("caseId", id -> Optional.of(id));
    CaseAccessInterceptor interceptor = new CaseAccessInterceptor(access, List.of(requestIds, caseIds));
    HandlerMethod ours;

    @BeforeEach
    void handler() throws NoSuchMethodException {
        ours = new HandlerMethod(new Handlers(), Handlers.class.getDeclaredMethod("handle"));
    }

    /** As Spring hands them to the check: already percent-decoded. */
    @ParameterizedTest
    @ValueSource(strings = {"+42", "042", "0042", "00000000000000000000042", "0x2A", "0X2A", "#2A", "#2a", " 42", "42 ",
            "\t42", "42\n", "-0", "-42", "0", "\uFF14\uFF12", "\u0664\u0662", "42.0", "4_2", "", "1234567890123456789"})
    void anIdNotSpelledAsAPlainDecimalNumberIsRefusedWith400BeforeTheCaseIsLookedAt(String spelling) {
        var request = get(Map.of("requestId", spelling));

        assertThatThrownBy(() -> interceptor.preHandle(request, new MockHttpServletResponse(), ours))
                .isInstanceOf(NonCanonicalIdException.class)
                .hasMessageStartingWith("requestId must be a plain decimal number");
        verify(access, never()).require(anyLong(), any());
    }

    @Test
    void thePlainSpellingIsCheckedOnTheIdsCaseForReadingOrWorking() {
        assertThat(interceptor.preHandle(get(Map.of("requestId", "42")), new MockHttpServletResponse(), ours)).isTrue();
        verify(access).require(CASE, CaseAccess.Need.READ);

        var post = new MockHttpServletRequest("POST", "/requests/42/extension");
        post.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("requestId", "42"));
        assertThat(interceptor.preHandle(post, new MockHttpServletResponse(), ours)).isTrue();
        verify(access).require(CASE, CaseAccess.Need.WORK);
    }

    @Test
    void everyIdOfTheRequestIsChecked() {
        when(access.require(9, CaseAccess.Need.READ)).thenThrow(new CaseAccessDeniedException("not yours"));
        var request = get(Map.of("requestId", "42", "caseId", "9"));

        assertThatThrownBy(() -> interceptor.preHandle(request, new MockHttpServletResponse(), ours))
                .isInstanceOf(CaseAccessDeniedException.class);
    }

    @Test
    void requestParametersNamedLikeACaseScopedIdAreCheckedToo() {
        var spelled = new MockHttpServletRequest("POST", "/api/requests/42/packets");
        spelled.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("requestId", "42"));
        spelled.addParameter("caseId", "7", "0x9");
        assertThatThrownBy(() -> interceptor.preHandle(spelled, new MockHttpServletResponse(), ours))
                .isInstanceOf(NonCanonicalIdException.class).hasMessageStartingWith("caseId must be");

        when(access.require(9, CaseAccess.Need.WORK)).thenThrow(new CaseAccessDeniedException("not yours"));
        var otherCase = new MockHttpServletRequest("POST", "/api/requests/42/packets");
        otherCase.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("requestId", "42"));
        otherCase.addParameter("caseId", "9");
        assertThatThrownBy(() -> interceptor.preHandle(otherCase, new MockHttpServletResponse(), ours))
                .isInstanceOf(CaseAccessDeniedException.class);
    }

    @Test
    void aPathVariableNoCaseScopedIdKnowsIsRefused() {
        var request = get(Map.of("requestId", "42", "letterId", "5"));

        assertThatThrownBy(() -> interceptor.preHandle(request, new MockHttpServletResponse(), ours))
                .isInstanceOf(CaseScopeUnknownException.class).hasMessageContaining("'letterId'");
    }

    @Test
    void whenTheCaseOfAnIdCannotBeFoundOutTheRequestIsRefused() {
        CaseScopedId failing = CaseScopedId.of("requestId", id -> {
            throw new IllegalStateException("database gone");
        });
        var undecided = new CaseAccessInterceptor(access, List.of(failing));

        assertThatThrownBy(() -> undecided.preHandle(get(Map.of("requestId", "42")), new MockHttpServletResponse(), ours))
                .isInstanceOf(CaseAccessDeniedException.class).hasMessageContaining("could not check");
        verify(access, never()).require(anyLong(), any());
    }

    @Test
    void anIdOfNothingPassesForTheHandlerToAnswer404() {
        assertThat(interceptor.preHandle(get(Map.of("requestId", "987654321")), new MockHttpServletResponse(), ours)).isTrue();
        verify(access, never()).require(anyLong(), any());
    }

    @Test
    void handlersOutsideRecordflowAreNotOurs() throws NoSuchMethodException {
        var spring = new HandlerMethod(new Object(), Object.class.getMethod("toString"));

        assertThat(interceptor.preHandle(get(Map.of("anything", "0x2A")), new MockHttpServletResponse(), spring)).isTrue();
        assertThat(interceptor.preHandle(get(Map.of()), new MockHttpServletResponse(), "not a handler method")).isTrue();
    }

    private static MockHttpServletRequest get(Map<String, String> variables) {
        var request = new MockHttpServletRequest("GET", "/some/path");
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, variables);
        return request;
    }
}
