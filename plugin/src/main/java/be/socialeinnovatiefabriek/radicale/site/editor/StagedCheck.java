package be.socialeinnovatiefabriek.radicale.site.editor;

import be.socialeinnovatiefabriek.radicale.site.build.ContentCheck;
import be.socialeinnovatiefabriek.radicale.site.Problem;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.output.OutputFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks a change before it reaches content/: the content folder is mirrored in a scratch folder
 * (links to the files, no copies), the change is laid over the mirror, and the build's own check
 * reads it. The change is refused for the problems it would bring, and only those: a mistake left
 * in another file by hand does not block a save elsewhere.
 */
final class StagedCheck {

    private final SiteConfig config;
    private final Path scratch;
    private final Path mirror;

    /** {@code scratch} is a folder of its own, emptied before each check. */
    StagedCheck(SiteConfig config, Path scratch) {
        this.config = config;
        this.scratch = scratch.toAbsolutePath().normalize();
        Path content = config.contentDir();
        // The mirror sits where content/ sits in the project, so that messages name the same paths.
        this.mirror = this.scratch.resolve(content.startsWith(config.projectDir()) ? config.projectDir().relativize(content) : content.getFileName());
    }

    /**
     * The problems, as the build prints them, that content/ would have with {@code writes} (file to its
     * new bytes) and {@code deletes} applied, and does not have now.
     */
    synchronized List<String> newProblems(Map<Path, byte[]> writes, Set<Path> deletes) throws IOException {
        Set<String> before = new LinkedHashSet<>(EditorException.lines(ContentCheck.run(config).problems(), config.projectDir()));
        stage(writes, deletes);
        SiteConfig staged = new SiteConfig(scratch, mirror, config.templateDir(), config.outputDir(), config.languages(), config.baseUrl(),
                config.zone(), config.now(), config.preview(), config.voteEndpoint());
        List<String> found = new ArrayList<>();
        for (Problem problem : ContentCheck.run(staged).problems()) {
            Path file = problem.file().startsWith(mirror) ? config.contentDir().resolve(mirror.relativize(problem.file()).toString()) : problem.file();
            String line = new Problem(file, problem.line(), problem.what(), problem.fix()).format(config.projectDir());
            if (!before.contains(line)) {
                found.add(line);
            }
        }
        return found;
    }

    private void stage(Map<Path, byte[]> writes, Set<Path> deletes) throws IOException {
        OutputFolder.deleteTree(scratch);
        Files.createDirectories(mirror);
        Path content = config.contentDir();
        try (Stream<Path> walk = Files.walk(content)) {
            walk.forEach(source -> {
                Path target = mirror.resolve(content.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else if (!deletes.contains(source) && !writes.containsKey(source)) {
                        link(source, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (Map.Entry<Path, byte[]> write : writes.entrySet()) {
            Path target = mirror.resolve(content.relativize(write.getKey()).toString());
            Files.createDirectories(target.getParent());
            Files.write(target, write.getValue());
        }
        for (Path gone : deletes) {
            Path target = mirror.resolve(content.relativize(gone).toString());
            if (Files.isDirectory(target)) {
                OutputFolder.deleteTree(target);
            }
        }
    }

    /** A link where the system allows one (the check only reads), else a copy. */
    private static void link(Path source, Path target) throws IOException {
        try {
            Files.createSymbolicLink(target, source);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
