package be.socialeinnovatiefabriek.radicale.site.render;

import be.socialeinnovatiefabriek.radicale.site.Problems;
import be.socialeinnovatiefabriek.radicale.site.plan.PageJob;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.ObjectWrapper;
import freemarker.template.SimpleHash;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.configuration2.CompositeConfiguration;
import org.apache.commons.configuration2.MapConfiguration;
import org.jbake.app.ContentStore;
import org.jbake.app.configuration.DefaultJBakeConfiguration;
import org.jbake.template.FreemarkerTemplateEngine;
import org.jbake.template.RenderingException;
import org.jbake.template.model.TemplateModel;

/**
 * Renders one page through jbake-core's FreeMarker engine. The engine's content store is never
 * started: the planner hands every list and link to the template, so no embedded database runs.
 */
public final class TemplateRenderer {

    /**
     * The wrapper jbake's engine gives its FreeMarker configuration (the default of the version it asks for); in a class
     * of its own so that it is made with the engine, on the thread of {@link #inBackground}, not by whoever calls that.
     */
    private static final class Wrapping {
        static final ObjectWrapper WRAPPER = new Configuration(Configuration.DEFAULT_INCOMPATIBLE_IMPROVEMENTS).getObjectWrapper();
    }

    /** The last few languages' UI strings as FreeMarker reads them, by the identity of the map they come from. */
    private static final int KEPT_STRINGS = 8;

    private final Path templateDir;
    private final FreemarkerTemplateEngine engine;
    private final Map<Map<String, String>, TemplateHashModel> wrappedStrings = new IdentityHashMap<>();

    public TemplateRenderer(Path templateDir, Path outputDir) {
        this.templateDir = templateDir;
        // Only the settings the FreeMarker engine reads; jbake's own project loading is not needed.
        CompositeConfiguration settings = new CompositeConfiguration();
        settings.addConfiguration(new MapConfiguration(new java.util.HashMap<>(Map.of("render.encoding", "UTF-8", "freemarker.outputencoding", "UTF-8"))));
        DefaultJBakeConfiguration configuration = new DefaultJBakeConfiguration(settings);
        configuration.setTemplateFolder(templateDir.toFile());
        configuration.setDestinationFolder(outputDir.toFile());
        this.engine = new FreemarkerTemplateEngine(configuration, new ContentStore("memory", "unused"));
        Objects.requireNonNull(Wrapping.WRAPPER);
    }

    /**
     * A renderer made on a thread of its own (loading the engine's classes takes a fresh JVM a while), so that the
     * caller can read the content meanwhile; {@code join()} it where the renderer is needed.
     */
    public static CompletableFuture<TemplateRenderer> inBackground(Path templateDir, Path outputDir) {
        CompletableFuture<TemplateRenderer> renderer = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                renderer.complete(new TemplateRenderer(templateDir, outputDir));
            } catch (RuntimeException | Error e) {
                renderer.completeExceptionally(e);
            }
        }, "site-templates");
        thread.setDaemon(true);
        thread.start();
        return renderer;
    }

    /**
     * The page of {@code job} as HTML, with the UI strings {@code strings} of its language; a template mistake
     * becomes a problem naming the template file and line, and null is returned.
     */
    public String render(PageJob job, Map<String, String> strings, Problems problems) {
        String template = job.template();
        TemplateModel templateModel = new TemplateModel();
        templateModel.putAll(ModelMaps.of(job.model(), wrapped(strings)));
        StringWriter writer = new StringWriter(8192);
        try {
            engine.renderDocument(templateModel, template, writer);
            return writer.toString();
        } catch (RenderingException e) {
            report(template, e.getCause(), problems);
            return null;
        }
    }

    /**
     * The UI strings as the engine would wrap them for every page (a copy with each string wrapped), made once per
     * language instead of once per page. Every value is wrapped before it is shared: SimpleHash then only reads,
     * so pages on several threads can use it at once.
     */
    private TemplateHashModel wrapped(Map<String, String> strings) {
        synchronized (wrappedStrings) {
            TemplateHashModel wrapped = wrappedStrings.get(strings);
            if (wrapped == null) {
                SimpleHash hash = new SimpleHash(strings, Wrapping.WRAPPER);
                try {
                    for (String key : strings.keySet()) {
                        hash.get(key);
                    }
                } catch (freemarker.template.TemplateModelException e) {
                    throw new IllegalStateException("text always wraps", e);
                }
                if (wrappedStrings.size() >= KEPT_STRINGS) {
                    wrappedStrings.clear(); // a long preview reloads its strings on every template change
                }
                wrappedStrings.put(strings, hash);
                wrapped = hash;
            }
            return wrapped;
        }
    }

    private void report(String template, Throwable cause, Problems problems) {
        if (cause instanceof TemplateNotFoundException) {
            problems.add(templateDir.resolve(template), 0, "the template '" + template + "' does not exist (found: " + existing() + ")",
                    "add " + template + " to " + templateDir.getFileName() + "/");
        } else if (cause instanceof ParseException parse) {
            problems.add(templateDir.resolve(parse.getTemplateName() == null ? template : parse.getTemplateName()), parse.getLineNumber(),
                    "the template does not parse (" + firstLine(parse.getEditorMessage()) + ")", "fix the FreeMarker syntax at that line");
        } else if (cause instanceof TemplateException failure) {
            String name = failure.getTemplateSourceName() != null
                    ? failure.getTemplateSourceName() : template;
            Integer line = failure.getLineNumber();
            problems.add(templateDir.resolve(name), line == null ? 0 : line,
                    "the template failed (" + firstLine(failure.getMessageWithoutStackTop()) + ")",
                    "check the value at that line; a UI string must exist in every messages file");
        } else {
            problems.add(templateDir.resolve(template), 0, "the template could not be read (" + cause + ")", "check the file");
        }
    }

    private String existing() {
        try (Stream<Path> files = Files.list(templateDir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ftl")).sorted().collect(Collectors.toList());
            return names.isEmpty() ? "none" : String.join(", ", names);
        } catch (IOException e) {
            return "none";
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        String line = message.strip().lines().filter(l -> !l.isBlank() && !l.startsWith("----")).findFirst().orElse(message.strip());
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
