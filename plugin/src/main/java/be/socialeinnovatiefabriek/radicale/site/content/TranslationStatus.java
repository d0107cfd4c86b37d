package be.socialeinnovatiefabriek.radicale.site.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Which page exists in which language, for the table that site:check prints. */
public record TranslationStatus(List<String> languages, List<Row> rows) {

    /** One bundle: its folder, and per language whether a translation exists. */
    public record Row(String page, List<Boolean> present) {
    }

    public static TranslationStatus of(Content content, List<String> languages) {
        List<Row> rows = new ArrayList<>();
        add(rows, Section.INNOVATORS.folder() + "/", content.innovators(), languages);
        add(rows, Section.CAMPAIGNS.folder() + "/", content.editions(), languages);
        add(rows, Section.PAGES.folder() + "/", content.pages(), languages);
        add(rows, Section.NEWS.folder() + "/", content.news(), languages);
        add(rows, "", content.accessibility(), languages); // the folder content/accessibility/ is the bundle
        return new TranslationStatus(languages, rows);
    }

    private static void add(List<Row> rows, String section, Map<String, ? extends Content.Bundle<?>> bundles, List<String> languages) {
        for (Content.Bundle<?> bundle : bundles.values()) {
            List<Boolean> present = new ArrayList<>();
            for (String lang : languages) {
                present.add(java.nio.file.Files.isRegularFile(bundle.dir().resolve("index." + lang + ".md")));
            }
            rows.add(new Row(section + bundle.slug(), present));
        }
    }

    /** How many translations are missing in all. */
    public long missing() {
        return rows.stream().flatMap(row -> row.present().stream()).filter(p -> !p).count();
    }

    /** The table as text lines, missing translations marked. */
    public List<String> table() {
        int width = rows.stream().mapToInt(row -> row.page().length()).max().orElse(4);
        List<String> lines = new ArrayList<>();
        StringBuilder header = new StringBuilder(String.format("%-" + width + "s", "page"));
        languages.forEach(lang -> header.append("  ").append(String.format("%-7s", lang)));
        lines.add(header.toString().stripTrailing());
        for (Row row : rows) {
            StringBuilder line = new StringBuilder(String.format("%-" + width + "s", row.page()));
            row.present().forEach(present -> line.append("  ").append(String.format("%-7s", present ? "ok" : "MISSING")));
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
