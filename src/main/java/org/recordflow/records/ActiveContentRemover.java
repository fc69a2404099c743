package org.recordflow.records;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Removes from a working copy of a provider's PDF everything a viewer could run, open or send:
 * document and page open/close actions, JavaScript (the document's name tree, actions, form field
 * scripts), embedded files, XFA forms, and every action that leaves the document (Launch, URI,
 * SubmitForm, ImportData, GoToR, GoToE, Rendition, ...) on links, form widgets, bookmarks and in action
 * chains. Only actions that move within the document (GoTo, Named page navigation) stay. Annotations
 * that carry files or media (file attachments, screens, sounds, movies, rich media, 3D) go with
 * their content. Pages, their text, images and drawn marks stay as they are.
 *
 * <p>It walks every object reachable from the trailer once, so it finds these wherever a producer
 * put them, including structures it does not know by name. The received original is never touched:
 * this runs on the Bates-stamped copy and on the binder only.
 */
final class ActiveContentRemover {

    /** Keys whose value is active content wherever they appear. */
    static final Set<COSName> ACTIVE_KEYS = Set.of(COSName.OPEN_ACTION, COSName.AA, COSName.JS, COSName.JAVA_SCRIPT,
            COSName.EMBEDDED_FILES, COSName.EF, COSName.XFA);
    /**
     * Actions that stay: they move within the document (a named action only with one of the four
     * page-turning names every viewer knows; other names run viewer menu items). Every other action
     * type is removed.
     */
    static final Set<COSName> SAFE_ACTIONS = Set.of(COSName.getPDFName("GoTo"), COSName.getPDFName("Named"));
    static final Set<COSName> SAFE_NAMED_ACTIONS = Set.of(COSName.getPDFName("NextPage"), COSName.getPDFName("PrevPage"),
            COSName.getPDFName("FirstPage"), COSName.getPDFName("LastPage"));
    /** Annotations whose purpose is a file or media to open or play. */
    static final Set<COSName> ACTIVE_ANNOTATIONS = Set.of(COSName.getPDFName("FileAttachment"),
            COSName.getPDFName("Screen"), COSName.getPDFName("Sound"), COSName.getPDFName("Movie"),
            COSName.getPDFName("RichMedia"), COSName.getPDFName("3D"));

    static final int MAX_DESCRIPTION = 1000;

    /** What was removed, counted by kind ("/OpenAction", "action /Launch", "annotation /FileAttachment"). */
    record Removed(Map<String, Integer> counts) {

        boolean isEmpty() {
            return counts.isEmpty();
        }

        /** For the custody log: {@code /AA x2, action /Launch x1}, at most {@value #MAX_DESCRIPTION} characters. */
        String describe() {
            String all = counts.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                    .collect(Collectors.joining(", "));
            return all.length() <= MAX_DESCRIPTION ? all : all.substring(0, MAX_DESCRIPTION - 3) + "...";
        }
    }

    private final Map<String, Integer> counts = new TreeMap<>();
    private final Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Deque<COSBase> todo = new ArrayDeque<>();

    private ActiveContentRemover() {
    }

    static Removed removeFrom(PDDocument document) {
        var remover = new ActiveContentRemover();
        remover.walk(document.getDocument().getTrailer());
        return new Removed(Map.copyOf(remover.counts));
    }

    private void walk(COSBase root) {
        todo.push(root);
        while (!todo.isEmpty()) {
            COSBase next = todo.pop();
            COSBase object = next instanceof COSObject reference ? reference.getObject() : next;
            if (object == null || !seen.add(object)) {
                continue;
            }
            if (object instanceof COSDictionary dictionary) {
                clean(dictionary);
                dictionary.getValues().forEach(todo::push);
            } else if (object instanceof COSArray array) {
                array.forEach(todo::push);
            }
        }
    }

    private void clean(COSDictionary dictionary) {
        for (COSName key : ACTIVE_KEYS) {
            if (dictionary.containsKey(key)) {
                dictionary.removeItem(key);
                count("/" + key.getName());
            }
        }
        // /A is the action of a link, widget or bookmark (in a structure element it holds attributes, which have no /S)
        if (isUnsafeAction(dictionary.getDictionaryObject(COSName.A))) {
            count(kindOf(dictionary.getDictionaryObject(COSName.A)));
            dictionary.removeItem(COSName.A);
        }
        // An action's /Next continues it with one action or a list; a bookmark's /Next is the next bookmark
        COSBase next = dictionary.getDictionaryObject(COSName.NEXT);
        if (next instanceof COSArray chain) {
            removeFrom(chain, ActiveContentRemover::isUnsafeAction);
        } else if (isUnsafeAction(next)) {
            count(kindOf(next));
            dictionary.removeItem(COSName.NEXT);
        }
        if (dictionary.getDictionaryObject(COSName.ANNOTS) instanceof COSArray annotations) {
            removeFrom(annotations, annotation -> is(annotation, COSName.SUBTYPE, ACTIVE_ANNOTATIONS));
        }
    }

    private void removeFrom(COSArray array, Predicate<COSBase> active) {
        for (int i = array.size() - 1; i >= 0; i--) {
            COSBase element = array.getObject(i);
            if (active.test(element)) {
                count(kindOf(element));
                array.remove(i);
            }
        }
    }

    private static boolean isUnsafeAction(COSBase value) {
        if (!(value instanceof COSDictionary action) || !action.containsKey(COSName.S)) {
            return false;
        }
        boolean named = COSName.getPDFName("Named").equals(action.getCOSName(COSName.S));
        return !is(action, COSName.S, SAFE_ACTIONS) || named && !is(action, COSName.N, SAFE_NAMED_ACTIONS);
    }

    private static boolean is(COSBase value, COSName key, Set<COSName> names) {
        COSName name = value instanceof COSDictionary dictionary ? dictionary.getCOSName(key) : null;
        return name != null && names.contains(name);
    }

    private static String kindOf(COSBase removed) {
        COSDictionary dictionary = (COSDictionary) removed;
        return dictionary.containsKey(COSName.S) ? "action /" + printable(dictionary.getNameAsString(COSName.S))
                : "annotation /" + printable(dictionary.getNameAsString(COSName.SUBTYPE));
    }

    /** A type name as the file spells it, if it looks like one: it goes into the custody log. */
    private static String printable(String name) {
        return name != null && name.matches("[A-Za-z0-9]{1,32}") ? name : "(unnamed)";
    }

    private void count(String kind) {
        counts.merge(kind, 1, Integer::sum);
    }
}
