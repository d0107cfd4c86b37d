import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Writes the build benchmark's corpus: N flat pages in one language (~1.7 KB of Markdown each, YAML
 * front matter), as a project for this generator and as a Hugo project with the same text.
 *
 * <pre>java bench/GenerateCorpus.java &lt;dir&gt; [N=4000] [site-template dir=./site-template]</pre>
 *
 * <ul>
 *   <li>{@code <dir>/content/pages/page-NNNN/index.nl.md} and {@code <dir>/site-template/} (a copy)</li>
 *   <li>{@code <dir>/hugo/}: hugo.toml, content/page-NNNN/index.md, layouts/, static/assets/</li>
 * </ul>
 * The text is pseudo-random but deterministic (fixed seed): the same N gives the same bytes.
 * {@code <dir>} is emptied first.
 */
public final class GenerateCorpus {

    private static final long SEED = 20260101L;
    /** Aimed size of one page's Markdown body; with the front matter a file is about 1.7 KB. */
    private static final int BODY_BYTES = 1320;

    private static final String[] WORDS = (
            "de het een en van in op met voor naar bij uit door over tegen onder tussen zonder "
            + "buurt stad wijk gemeente vereniging vrijwilligers bewoners armoede energie klimaat zorg gezondheid "
            + "mobiliteit werk wonen jongeren onderzoek kringloop vernieuwing project initiatief samenwerking "
            + "organisatie netwerk ondersteuning begeleiding toegang oplossing ervaring kennis praktijk beleid "
            + "huishoudens gezinnen mensen kinderen ouderen nieuwkomers buren partners middelen budget subsidie "
            + "delen huren herstellen koken leren helpen bouwen verbinden versterken betalen besparen zoeken "
            + "vinden openen starten groeien blijven maken geven nemen brengen tonen vertellen luisteren "
            + "sociaal lokaal duurzaam betaalbaar eerlijk samen zuinig nieuw eenvoudig sterk klein groot "
            + "gezond veilig warm open vrij gedeeld collectief concreet dagelijks structureel regionaal "
            + "elke week ieder jaar vandaag morgen vaak soms altijd nooit eerst daarna opnieuw samen ook nog "
            + "Gent Antwerpen Brussel Leuven Mechelen Brugge Hasselt Kortrijk Aalst Genk Oostende Limburg").split(" ");

    private static final String[] TITLE_WORDS = (
            "Buurtwerking Energiecoach Repair Café Deelauto Voedselbank Huiswerkklas Kringloopwinkel Buurtmoestuin "
            + "Wasserette Fietsatelier Taalcafé Zorgnetwerk Woonproject Jobcoach Speelstraat Klimaattafel "
            + "Burenhulp Leerwerkplek Wijkrestaurant Gereedschapsbib").split(" ");

    private static final String[] HEADINGS = {
        "Waarom dit project", "Hoe het werkt", "Wie er meedoet", "Wat het oplevert", "Wat we leerden",
        "Volgende stappen", "Meedoen", "De cijfers", "Het verhaal", "Samenwerking",
    };

    private final SplittableRandom random = new SplittableRandom(SEED);
    private final int count;
    private final int digits;

    private GenerateCorpus(int count) {
        this.count = count;
        this.digits = Math.max(4, String.valueOf(count).length());
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: java bench/GenerateCorpus.java <dir> [N=4000] [site-template dir=./site-template]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath().normalize();
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        Path template = Path.of(args.length > 2 ? args[2] : "site-template").toAbsolutePath().normalize();
        if (!Files.isDirectory(template.resolve("templates"))) {
            System.err.println(template + " is not a site template (no templates/ folder); pass the repository's site-template/ as the third argument");
            System.exit(2);
        }
        long start = System.nanoTime();
        deleteTree(dir);
        long[] bytes = new GenerateCorpus(count).write(dir, template);
        System.out.printf(Locale.ROOT, "Generated %d pages in %s: %.0f bytes of Markdown per file on average (%.0f of body), %.1f MB in all, in %d ms%n",
                count, dir, (double) bytes[0] / count, (double) bytes[1] / count, bytes[0] / 1e6, (System.nanoTime() - start) / 1_000_000);
    }

    /** Returns {total file bytes, total body bytes} of the generator's Markdown files. */
    private long[] write(Path dir, Path template) throws IOException {
        Path pages = dir.resolve("content/pages");
        Path hugo = dir.resolve("hugo");
        Path hugoContent = hugo.resolve("content");
        long fileBytes = 0;
        long bodyBytes = 0;
        for (int i = 1; i <= count; i++) {
            String slug = slug(i);
            String title = title(i);
            String description = sentence(8, 14);
            String body = body();
            String frontMatter = "---\n"
                    + "title: " + yaml(title) + "\n"
                    + "description: " + yaml(description) + "\n"
                    + "---\n";
            byte[] file = (frontMatter + body).getBytes(StandardCharsets.UTF_8);
            write(pages.resolve(slug).resolve("index.nl.md"), file);
            write(hugoContent.resolve(slug).resolve("index.md"), file);
            fileBytes += file.length;
            bodyBytes += body.getBytes(StandardCharsets.UTF_8).length;
        }
        copyTree(template, dir.resolve("site-template"));
        copyTree(template.resolve("assets"), hugo.resolve("static/assets"));
        writeHugoProject(hugo);
        return new long[] {fileBytes, bodyBytes};
    }

    private String slug(int i) {
        return String.format(Locale.ROOT, "page-%0" + digits + "d", i);
    }

    private String title(int i) {
        return pick(TITLE_WORDS) + " " + capitalise(pick(WORDS)) + " " + i;
    }

    /** A page body: an intro, then sections with a heading, paragraphs with emphasis and links, and a list. */
    private String body() {
        StringBuilder md = new StringBuilder(BODY_BYTES + 400);
        md.append(paragraph(2, 3)).append("\n\n");
        int section = 0;
        while (md.length() < BODY_BYTES) {
            md.append("## ").append(HEADINGS[(section * 3 + random.nextInt(HEADINGS.length)) % HEADINGS.length]).append("\n\n");
            md.append(paragraph(2, 4)).append("\n\n");
            if (section % 2 == 0) {
                int items = 3 + random.nextInt(3);
                for (int k = 0; k < items; k++) {
                    md.append("- ").append(k == 0 ? link(sentence(3, 6)) : sentence(4, 9)).append("\n");
                }
                md.append("\n");
            }
            section++;
        }
        return md.toString();
    }

    private String paragraph(int minSentences, int maxSentences) {
        int sentences = minSentences + random.nextInt(maxSentences - minSentences + 1);
        StringBuilder p = new StringBuilder();
        for (int s = 0; s < sentences; s++) {
            if (s > 0) {
                p.append(' ');
            }
            String text = sentence(7, 15);
            switch (random.nextInt(5)) {
                case 0 -> text = emphasise(text, "*");
                case 1 -> text = emphasise(text, "**");
                case 2 -> text = text.substring(0, text.length() - 1) + ", zie " + link(sentence(2, 4)) + ".";
                default -> { }
            }
            p.append(text);
        }
        return p.toString();
    }

    /** A sentence of {@code min..max} words, capitalised, ending with a full stop. */
    private String sentence(int min, int max) {
        int words = min + random.nextInt(max - min + 1);
        StringBuilder s = new StringBuilder();
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                s.append(' ');
            }
            s.append(pick(WORDS));
        }
        return capitalise(s.toString()) + ".";
    }

    /** Wraps one word in the middle of the sentence in {@code marker}. */
    private String emphasise(String sentence, String marker) {
        String[] words = sentence.split(" ");
        if (words.length < 3) {
            return sentence;
        }
        int at = 1 + random.nextInt(words.length - 2);
        words[at] = marker + words[at] + marker;
        return String.join(" ", words);
    }

    /** A link to another generated page: {@code [text](/nl/page-0042/)}. */
    private String link(String text) {
        String label = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        return "[" + label.toLowerCase(Locale.ROOT) + "](/nl/" + slug(1 + random.nextInt(count)) + "/)";
    }

    private String pick(String[] words) {
        return words[random.nextInt(words.length)];
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String yaml(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * The Hugo side: the same pages, published for https://radicalevernieuwers.be/nl/ (so that the
     * links /nl/page-NNNN/ resolve once the output is served under /nl/; Hugo ignores
     * defaultContentLanguageInSubdir with a single language), no taxonomies, RSS, sitemap or
     * robots.txt, and a shell of about the same size as
     * site-template/templates/layout.ftl: head with description, canonical and assets, header with
     * the site name and a menu, main, footer.
     */
    private static void writeHugoProject(Path hugo) throws IOException {
        write(hugo.resolve("hugo.toml"), """
                baseURL = "https://radicalevernieuwers.be/nl/"
                languageCode = "nl"
                defaultContentLanguage = "nl"
                title = "Radicale Vernieuwers"
                disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]

                [markup.goldmark.renderer]
                  unsafe = false
                """);
        write(hugo.resolve("layouts/_default/baseof.html"), """
                <!doctype html>
                <html lang="{{ .Site.LanguageCode }}">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'self'; object-src 'none'">
                <title>{{ if and .Title (ne .Title .Site.Title) }}{{ .Title }} – {{ .Site.Title }}{{ else }}{{ .Site.Title }}{{ end }}</title>
                {{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
                <link rel="canonical" href="{{ .Permalink }}">
                <link rel="alternate" hreflang="{{ .Site.LanguageCode }}" href="{{ .Permalink }}">
                <link rel="alternate" hreflang="x-default" href="{{ .Permalink }}">
                <link rel="icon" href="{{ "assets/icon.svg" | relURL }}" type="image/svg+xml">
                <link rel="stylesheet" href="{{ "assets/site.css" | relURL }}">
                <script src="{{ "assets/site.js" | relURL }}" defer></script>
                </head>
                <body class="type-{{ .Kind }}">
                <a class="skip-link" href="#main">Naar de inhoud</a>
                <header class="site-header">
                <div class="wrap site-header__inner">
                <a class="site-name" href="/nl/">{{ .Site.Title }}</a>
                <nav class="main-nav" aria-label="Hoofdmenu">
                <ul>
                <li><a href="/nl/">Start</a></li>
                <li><a href="/nl/innovators/">Vernieuwers</a></li>
                <li><a href="/nl/campaigns/">Edities</a></li>
                <li><a href="/nl/themes/">Thema's</a></li>
                </ul>
                </nav>
                </div>
                </header>
                <main id="main" class="wrap">
                {{ block "main" . }}{{ end }}
                </main>
                <footer class="site-footer">
                <div class="wrap">
                <p>Een campagne van de Sociale InnovatieFabriek</p>
                <ul class="footer-links">
                <li><a href="/nl/privacy/">Privacy</a></li>
                </ul>
                </div>
                </footer>
                </body>
                </html>
                """);
        String page = """
                {{ define "main" }}
                <h1>{{ .Title }}</h1>
                {{ with .Content }}<div class="prose">{{ . }}</div>{{ end }}
                {{ end }}
                """;
        write(hugo.resolve("layouts/_default/single.html"), page);
        write(hugo.resolve("layouts/_default/list.html"), page);
        write(hugo.resolve("layouts/index.html"), page);
        write(hugo.resolve("layouts/404.html"), """
                {{ define "main" }}
                <h1>Pagina niet gevonden</h1>
                <p><a href="/nl/">Naar de startpagina</a></p>
                {{ end }}
                """);
    }

    private static void write(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(from)) {
            all = new ArrayList<>(walk.toList());
        }
        for (Path source : all) {
            Path target = to.resolve(from.relativize(source).toString());
            if (Files.isDirectory(source)) {
                Files.createDirectories(target);
            } else {
                Files.createDirectories(target.getParent());
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
