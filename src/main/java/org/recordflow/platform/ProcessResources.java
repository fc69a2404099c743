package org.recordflow.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The BPMN, DMN and form files analysts edit in the top-level {@code processes/} and {@code forms/}
 * folders, as they are on the classpath, named by their path below the folder's parent
 * ({@code processes/case-lifecycle.bpmn}). The name is the same whether the application runs from
 * {@code target/classes} or from the jar, so redeploying an unchanged file never creates a new
 * process version.
 */
public final class ProcessResources {

    static final List<String> PATTERNS = List.of(
            "classpath*:processes/**/*.bpmn",
            "classpath*:processes/**/*.dmn",
            "classpath*:forms/**/*.form");

    private ProcessResources() {
    }

    /** Stable name to content, in a predictable order; the first file found under a name wins. */
    public static Map<String, byte[]> load() {
        return load(new PathMatchingResourcePatternResolver(), PATTERNS);
    }

    static Map<String, byte[]> load(ResourcePatternResolver resolver, List<String> patterns) {
        Map<String, byte[]> resources = new LinkedHashMap<>();
        try {
            for (String pattern : patterns) {
                String folder = pattern.substring("classpath*:".length(), pattern.indexOf('/') + 1);
                for (Resource resource : resolver.getResources(pattern)) {
                    String name = stableName(resource.getURL().toString(), folder);
                    if (!resources.containsKey(name)) {
                        try (InputStream in = resource.getInputStream()) {
                            resources.put(name, in.readAllBytes());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read process resources", e);
        }
        return resources;
    }

    static String stableName(String url, String folder) {
        int at = url.lastIndexOf("/" + folder);
        if (at < 0) {
            throw new IllegalArgumentException("Resource " + url + " is not inside a '" + folder + "' folder");
        }
        return url.substring(at + 1);
    }
}
