package be.socialeinnovatiefabriek.radicale.site.output;

import be.socialeinnovatiefabriek.radicale.site.Routes;
import be.socialeinnovatiefabriek.radicale.site.content.Content.Bundle;
import be.socialeinnovatiefabriek.radicale.site.content.Content.InnovatorText;
import be.socialeinnovatiefabriek.radicale.site.content.Content;
import be.socialeinnovatiefabriek.radicale.site.content.Section;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The files published as they are: the template's assets, and the files beside the content's Markdown
 * (images a text shows), but never an innovator's original photo, which is published resized.
 */
public final class CopiedFiles {

    private final Routes routes;

    public CopiedFiles(Routes routes) {
        this.routes = routes;
    }

    /** Every file to copy, by its path in the output; {@code assets} is the template's assets folder. */
    public Map<String, Path> files(Path assets, Content content) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        if (Files.isDirectory(assets)) {
            try (Stream<Path> walk = Files.walk(assets)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
                    files.put(routes.file(routes.asset(assets.relativize(file).toString().replace('\\', '/'))), file);
                }
            }
        }
        add(files, Section.INNOVATORS, content.innovators());
        add(files, Section.CAMPAIGNS, content.editions());
        add(files, Section.PAGES, content.pages());
        add(files, Section.NEWS, content.news());
        add(files, Section.ACCESSIBILITY, content.accessibility());
        return files;
    }

    private void add(Map<String, Path> files, Section section, Map<String, ? extends Bundle<?>> bundles) {
        for (Bundle<?> bundle : bundles.values()) {
            if (bundle.texts().isEmpty()) {
                continue;
            }
            Set<Path> photos = bundle.texts().values().stream()
                    .filter(text -> text instanceof InnovatorText)
                    .map(text -> ((InnovatorText) text).photo().image())
                    .collect(Collectors.toSet());
            for (Path resource : bundle.resources()) {
                if (photos.contains(resource.normalize())) {
                    continue; // published resized (SiteMedia); the original is never shipped
                }
                files.put(routes.file(routes.bundleFile(section.folder(), bundle.slug(), resource.getFileName().toString())), resource);
            }
        }
    }
}
