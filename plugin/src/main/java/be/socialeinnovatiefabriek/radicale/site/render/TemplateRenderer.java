package be.socialeinnovatiefabriek.radicale.site.render;

import be.socialeinnovatiefabriek.radicale.site.Problems;
import be.socialeinnovatiefabriek.radicale.site.plan.PageJob;
import freemarker.core.ParseException;
import freemarker.template.TemplateException;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    private final Path templateDir;
    private final FreemarkerTemplateEngine engine;

    public TemplateRenderer(Path templateDir, Path outputDir) {
        this.templateDir = templateDir;
        // Only the settings the FreeMarker engine reads; jbake's own project loading is not needed.
        CompositeConfiguration settings = new CompositeConfiguration();
        settings.addConfiguration(new MapConfiguration(new java.util.HashMap<>(Map.of("render.encoding", "UTF-8", "freemarker.outputencoding", "UTF-8"))));
        DefaultJBakeConfiguration configuration = new DefaultJBakeConfiguration(settings);
        configuration.setTemplateFolder(templateDir.toFile());
        configuration.setDestinationFolder(outputDir.toFile());
        this.engine = new FreemarkerTemplateEngine(configuration, new ContentStore("memory", "unused"));
    }

    /**
     * The page of {@code job} as HTML, with the UI strings {@code strings} of its language; a template mistake
     * becomes a problem naming the template file and line, and null is returned.
     */
    public String render(PageJob job, Map<String, String> strings, Problems problems) {
        String template = job.template();
        TemplateModel templateModel = new TemplateModel();
        templateModel.putAll(ModelMaps.of(job.model(), strings));
        StringWriter writer = new StringWriter(8192);
        try {
            engine.renderDocument(templateModel, template, writer);
            return writer.toString();
        } catch (RenderingException e) {
            report(template, e.getCause(), problems);
            return null;
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
