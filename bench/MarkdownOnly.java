import be.socialeinnovatiefabriek.radicale.site.Problems;
import be.socialeinnovatiefabriek.radicale.site.i18n.Typography;
import be.socialeinnovatiefabriek.radicale.site.markdown.MarkdownRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * The build benchmark's floor: only the Markdown of a corpus, each body parsed and rendered to HTML by the product's
 * {@link MarkdownRenderer} (flexmark-java, as the build configures it) on every core, nothing else: no front matter
 * checked, no template, nothing written. Run in a fresh JVM beside a whole build, it shows what flexmark-java alone
 * costs there.
 * <pre>
 * java -cp &lt;classes of this file&gt;:&lt;plugin runtime classpath&gt; MarkdownOnly &lt;corpus dir&gt;
 * </pre>
 */
public final class MarkdownOnly {

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(args[0], "content"))) {
            files = walk.filter(file -> file.getFileName().toString().endsWith(".md")).toList();
        }
        MarkdownRenderer renderer = new MarkdownRenderer();
        Typography typography = Typography.of("nl");
        LongAdder html = new LongAdder();
        files.parallelStream().forEach(file -> {
            try {
                String text = Files.readString(file);
                int end = text.indexOf("\n---\n", 4); // the front matter's end
                Problems problems = new Problems();
                html.add(renderer.render(text.substring(end + 5), file, 1, file.getParent(), "/media/", typography, problems).html().length());
                if (!problems.isEmpty()) {
                    throw new IllegalStateException(file + ": " + problems.list());
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        System.out.printf("Markdown only: %d bodies, %d chars of HTML, in %d ms%n", files.size(), html.sum(),
                (System.nanoTime() - start) / 1_000_000);
    }
}
