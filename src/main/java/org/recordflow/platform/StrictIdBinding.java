package org.recordflow.platform;

import java.beans.PropertyEditorSupport;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Binds {@code long} and {@code Long} arguments of our handlers ({@code @PathVariable},
 * {@code @RequestParam}) from their canonical spelling only (see {@link CanonicalIds}), instead of
 * Spring's lenient number conversion. The case check before each handler refuses other spellings
 * already; this makes sure no handler could receive one even if that check were bypassed.
 */
@ControllerAdvice(basePackages = "org.recordflow")
class StrictIdBinding {

    @InitBinder
    void bindIdsFromPlainDecimalsOnly(WebDataBinder binder) {
        binder.registerCustomEditor(long.class, new PlainDecimalEditor(false));
        binder.registerCustomEditor(Long.class, new PlainDecimalEditor(true));
    }

    static final class PlainDecimalEditor extends PropertyEditorSupport {

        private final boolean emptyIsNull;

        PlainDecimalEditor(boolean emptyIsNull) {
            this.emptyIsNull = emptyIsNull;
        }

        @Override
        public void setAsText(String text) {
            if (emptyIsNull && (text == null || text.isEmpty())) {
                setValue(null);
                return;
            }
            setValue(CanonicalIds.parse(text).orElseThrow(() -> new IllegalArgumentException(CanonicalIds.problem("the value"))));
        }

        @Override
        public String getAsText() {
            return getValue() == null ? "" : getValue().toString();
        }
    }
}
