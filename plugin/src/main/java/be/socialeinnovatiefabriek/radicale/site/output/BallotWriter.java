package be.socialeinnovatiefabriek.radicale.site.output;

import be.socialeinnovatiefabriek.radicale.site.Routes;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.content.Content.Bundle;
import be.socialeinnovatiefabriek.radicale.site.content.Content.EditionText;
import be.socialeinnovatiefabriek.radicale.site.content.Content.InnovatorText;
import be.socialeinnovatiefabriek.radicale.site.content.Content;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes each edition's ballot, {@code ballots/<year>.json}: what the vote counter needs to know
 * and nothing else. Content stays the only source of truth for who can be voted for, and when.
 */
public final class BallotWriter {

    private final SiteConfig config;
    private final Routes routes;
    private final Content content;

    public BallotWriter(SiteConfig config, Content content) {
        this.config = config;
        this.routes = new Routes(config);
        this.content = content;
    }

    /** Every ballot, by its path in the output. */
    public Map<String, byte[]> ballots() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Bundle<EditionText> edition : content.editions().values()) {
            EditionText original = edition.texts().get(config.defaultLanguage());
            if (original != null) {
                files.put(routes.file(routes.ballot(edition.slug())), ballot(edition, original));
            }
        }
        return files;
    }

    private byte[] ballot(Bundle<EditionText> edition, EditionText original) {
        Map<String, Object> ballot = new LinkedHashMap<>();
        ballot.put("id", edition.slug());
        ballot.put("nominees", original.nominees());
        ballot.put("opens", original.opens().toString());
        ballot.put("closes", original.closes().toString());
        ballot.put("results", original.results());
        ballot.put("verification", original.verification());
        ballot.put("votesPerVoter", original.votesPerVoter());
        ballot.put("languages", config.languages());
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, Map<String, String>> pages = new LinkedHashMap<>();
        for (String lang : config.languages()) {
            EditionText text = edition.texts().getOrDefault(lang, original);
            titles.put(lang, text.title());
            Map<String, String> urls = routes.votePages(lang, edition.slug());
            urls.put("css", routes.absolute(routes.asset("site.css")));
            pages.put(lang, urls);
        }
        ballot.put("titles", titles);
        Map<String, Map<String, String>> names = new LinkedHashMap<>();
        for (String slug : original.nominees()) {
            Bundle<InnovatorText> innovator = content.innovators().get(slug);
            Map<String, String> byLanguage = new LinkedHashMap<>();
            for (String lang : config.languages()) {
                InnovatorText text = innovator.texts().getOrDefault(lang, innovator.texts().get(config.defaultLanguage()));
                byLanguage.put(lang, text.name());
            }
            names.put(slug, byLanguage);
        }
        ballot.put("names", names);
        ballot.put("pages", pages);
        return JsonText.indented(ballot).getBytes(StandardCharsets.UTF_8);
    }
}
