package be.socialeinnovatiefabriek.radicale.site;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * A tiny site in a temporary folder: the base scenario from test resources, a scenario's files laid
 * over it, the project's real site-template/, and a generated photo in every innovator folder.
 */
public final class TestSite {

    /** The moment tests build as of: inside the base edition's voting window. */
    public static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-20T12:00+01:00");

    private final Path root;

    private TestSite(Path root) {
        this.root = root;
    }

    /** The base site with {@code scenario}'s files (from src/test/resources/sites/) laid over it. */
    public static TestSite create(Path folder, String scenario) throws IOException {
        Path resources = Path.of("src/test/resources/sites");
        copyTree(resources.resolve("base"), folder);
        if (scenario != null) {
            copyTree(resources.resolve(scenario), folder);
        }
        copyTree(Path.of("../site-template"), folder.resolve("site-template"));
        try (Stream<Path> innovators = Files.list(folder.resolve("content/innovators"))) {
            for (Path dir : innovators.collect(Collectors.toList())) {
                writePhoto(dir.resolve("photo.jpg"), 960, 640);
            }
        }
        return new TestSite(folder);
    }

    /** Lays a scenario's files over this site, as a member of staff saving a change would. */
    public void overlay(String scenario) throws IOException {
        copyTree(Path.of("src/test/resources/sites").resolve(scenario), root);
    }

    public Path root() {
        return root;
    }

    public Path output() {
        return root.resolve("target/site");
    }

    public SiteConfig config() {
        return config(false);
    }

    public SiteConfig config(boolean preview) {
        return new SiteConfig(root, root.resolve("content"), root.resolve("site-template"), output(), List.of(SiteDefaults.LANGUAGES.split(",")),
                SiteDefaults.BASE_URL, ZoneId.of(SiteDefaults.TIME_ZONE), NOW, preview, "");
    }

    /** The text of a file of the built site. */
    public String page(String sitePath) throws IOException {
        return Files.readString(output().resolve(sitePath), StandardCharsets.UTF_8);
    }

    public void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    public void delete(String path) throws IOException {
        Files.delete(root.resolve(path));
    }

    /** Replaces every line of {@code path} that starts with {@code prefix}. */
    public void replaceLine(String path, String prefix, String replacement) throws IOException {
        Path file = root.resolve(path);
        String text = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(line -> line.startsWith(prefix) ? replacement : line)
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Writes a plain JPEG photo of the given size. */
    public static void writePhoto(Path file, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(0x2a, 0x5d, 0x8f));
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        ImageIO.write(image, "jpg", file.toFile());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            walk.forEach(source -> {
                try {
                    Path target = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
