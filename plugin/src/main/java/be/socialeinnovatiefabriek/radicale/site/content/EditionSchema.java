package be.socialeinnovatiefabriek.radicale.site.content;

import be.socialeinnovatiefabriek.radicale.site.Problems;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.content.Content.Bundle;
import be.socialeinnovatiefabriek.radicale.site.content.Content.EditionText;
import be.socialeinnovatiefabriek.radicale.site.content.Content.InnovatorText;
import be.socialeinnovatiefabriek.radicale.site.content.FrontMatter.Located;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The front matter of an edition of the campaign: its fields, their checks, and its checks against the innovators. */
final class EditionSchema extends SectionSchema {

    /** An edition's folder name and how news refers to it: its year. */
    static final Pattern YEAR = Pattern.compile("\\d{4}");

    private static final Set<String> KEYS = Schedule.keysWith("title", "summary", "nominees", "opens", "closes", "results",
            "verification", "votesPerVoter", "jury", "winners");

    EditionSchema(SiteConfig config, RenderedBodies bodies) {
        super(config, bodies);
    }

    /** The text of one language version; what it says about innovators is checked once all are read ({@link #crossCheck}). */
    EditionText read(FrontMatter fields, String lang, Problems problems) {
        fields.rejectUnknownKeys(KEYS);
        String title = prose(fields, "title", true, false, lang).orElse("");
        String summary = prose(fields, "summary", false, false, lang).orElse(null);
        String jury = prose(fields, "jury", false, false, lang).orElse(null);
        List<Located<String>> nominees = fields.slugList("nominees", true, true);
        Optional<OffsetDateTime> opens = fields.moment("opens", true, false, config.zone(), true);
        Optional<OffsetDateTime> closes = fields.moment("closes", true, false, config.zone(), true);
        if (opens.isPresent() && closes.isPresent() && !closes.get().isAfter(opens.get())) {
            problems.add(fields.path(), fields.lineOf("closes"), "voting closes (" + closes.get() + ") before it opens (" + opens.get() + ")",
                    "set 'closes' to a moment after 'opens'");
        }
        String results = fields.choice("results", List.of("after-close", "live"), true).orElse("after-close");
        String verification = fields.choice("verification", List.of("email", "none"), true).orElse("email");
        int votesPerVoter = fields.integer("votesPerVoter", 1, true).orElse(1);
        Map<String, Located<String>> winners = fields.slugMap("winners", Set.of("jury", "audience"), true);
        Set<String> nomineeSlugs = nominees.stream().map(Located::value).collect(Collectors.toSet());
        for (Map.Entry<String, Located<String>> winner : winners.entrySet()) {
            if (!nomineeSlugs.contains(winner.getValue().value())) {
                problems.add(winner.getValue().file(), winner.getValue().line(),
                        "the " + winner.getKey() + " winner '" + winner.getValue().value() + "' is not among the nominees",
                        "use one of the folder names listed under 'nominees'");
            }
        }
        Path dir = fields.path().getParent();
        String body = body(fields, dir, Section.CAMPAIGNS, lang, problems);
        Map<String, String> winnerSlugs = new LinkedHashMap<>();
        winners.forEach((role, slug) -> winnerSlugs.put(role, slug.value()));
        return new EditionText(fields.source(), lang, title, summary, jury,
                nominees.stream().map(Located::value).collect(Collectors.toList()),
                opens.orElse(null), closes.orElse(null), results, verification, votesPerVoter, winnerSlugs, body, status(fields));
    }

    /** Every edition has a page in every language, and nominates innovators that exist and are published. */
    void crossCheck(Content content, Path root, Problems problems) {
        for (Bundle<EditionText> edition : content.editions().values()) {
            Path original = edition.dir().resolve("index." + config.defaultLanguage() + ".md");
            for (String lang : config.languages()) {
                if (!Files.isRegularFile(edition.dir().resolve("index." + lang + ".md"))) {
                    problems.add(original, 0, "edition " + edition.slug() + " has no '" + lang + "' page; edition pages must exist in every language ("
                                    + String.join(", ", config.languages()) + ")",
                            "add " + root.getFileName() + "/" + Section.CAMPAIGNS + "/" + edition.slug() + "/index." + lang + ".md");
                }
            }
            EditionText text = edition.texts().get(config.defaultLanguage());
            if (text == null) {
                continue;
            }
            for (String nominee : text.nominees()) {
                Bundle<InnovatorText> innovator = content.innovators().get(nominee);
                int line = text.source().keyLines().getOrDefault("nominees", 1);
                if (innovator == null && Files.isDirectory(root.resolve(Section.INNOVATORS.folder()).resolve(nominee))) {
                    continue; // the innovator's own problem is reported already
                }
                if (innovator == null) {
                    String closest = FrontMatter.closest(nominee, content.innovators().keySet());
                    problems.add(text.source().path(), line, "unknown nominee '" + nominee + "': there is no folder content/"
                                    + Section.INNOVATORS + "/" + nominee + "/",
                            (closest != null ? "did you mean '" + closest + "'? " : "") + "create the innovator's folder, or correct the name");
                } else if (!innovator.texts().containsKey(config.defaultLanguage())) {
                    problems.add(text.source().path(), line, "nominee '" + nominee + "' is not published at this moment (draft or scheduled)",
                            "publish the innovator's profile, or remove it from the nominees");
                }
            }
        }
    }
}
