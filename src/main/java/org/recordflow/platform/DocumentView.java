package org.recordflow.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler method that serves a document's content (records, letters, authorizations,
 * binders, reports). {@link AuditFilter} records every GET of such a handler as a view, before
 * any content is written, with the ids the request carried as parsed values: the audit follows
 * the handler, not the text of the URL, so no spelling of an id escapes it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DocumentView {
}
