package be.socialeinnovatiefabriek.radicale.site;

import java.net.URI;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Everything one build needs to know, validated once.
 *
 * @param projectDir  the folder paths in messages are shown relative to
 * @param contentDir  content/: innovators, campaigns, pages
 * @param templateDir site-template/: templates, assets, i18n
 * @param outputDir   where the site is written (target/site)
 * @param languages   language codes, the first is the default
 * @param baseUrl     the public address of the site, without trailing slash
 * @param zone        the campaign's time zone, for dates shown to visitors
 * @param now         the moment the site is built as of: decides drafts, scheduled pages and voting phases
 * @param preview     true under site:run: drafts and scheduled pages are shown with a banner
 * @param voteEndpoint the vote counter's base URL, or "" when it answers on the site's own origin under /api/
 */
public record SiteConfig(Path projectDir, Path contentDir, Path templateDir, Path outputDir, List<String> languages,
                         String baseUrl, ZoneId zone, OffsetDateTime now, boolean preview, String voteEndpoint) {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    public SiteConfig {
        // Absolute and normalised once, so that every "is this file inside that folder" check holds
        // for settings such as ${project.basedir}/../content.
        projectDir = projectDir.toAbsolutePath().normalize();
        contentDir = contentDir.toAbsolutePath().normalize();
        templateDir = templateDir.toAbsolutePath().normalize();
        outputDir = outputDir.toAbsolutePath().normalize();
        languages = List.copyOf(languages);
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        voteEndpoint = voteEndpoint == null ? "" : voteEndpoint.strip().replaceAll("/+$", "");
    }

    /** Checks the settings and reports every mistake at once, naming the property to change (site.languages, ...). */
    public static SiteConfig validated(Path projectDir, Path contentDir, Path templateDir, Path outputDir,
                                       List<String> languages, String baseUrl, ZoneId zone, OffsetDateTime now,
                                       boolean preview, String voteEndpoint) throws InvalidSettingException {
        List<String> mistakes = new ArrayList<>();
        if (languages.isEmpty()) {
            mistakes.add("site.languages is empty; set it to a list such as nl,fr,en (the first is the default)");
        }
        for (String language : languages) {
            if (!LANGUAGE.matcher(language).matches()) {
                mistakes.add("site.languages holds \"" + language + "\", which is not a language code of two or three lowercase letters; use codes such as nl,fr,en");
            }
        }
        if (languages.stream().distinct().count() != languages.size()) {
            mistakes.add("site.languages lists a language twice (" + String.join(",", languages) + "); list each once");
        }
        try {
            URI uri = URI.create(baseUrl);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                mistakes.add("site.baseUrl \"" + baseUrl + "\" is not a web address; set it to the site's public address, such as " + SiteDefaults.BASE_URL);
            }
        } catch (IllegalArgumentException e) {
            mistakes.add("site.baseUrl \"" + baseUrl + "\" is not a web address; set it to the site's public address, such as " + SiteDefaults.BASE_URL);
        }
        if (voteEndpoint != null && !voteEndpoint.isBlank()) {
            try {
                URI uri = URI.create(voteEndpoint.strip());
                if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null || uri.getQuery() != null) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                mistakes.add("site.voteEndpoint \"" + voteEndpoint + "\" is not a web address; set it to the counter's address, "
                        + "such as https://abc123.execute-api.eu-west-1.amazonaws.com, or leave it empty for the site's own origin");
            }
        }
        if (!java.nio.file.Files.isDirectory(contentDir)) {
            mistakes.add("site.contentDirectory " + contentDir + " does not exist; create it or point site.contentDirectory at the content folder");
        }
        if (!java.nio.file.Files.isDirectory(templateDir)) {
            mistakes.add("site.templateDirectory " + templateDir + " does not exist; point site.templateDirectory at the site-template folder");
        }
        if (!mistakes.isEmpty()) {
            throw new InvalidSettingException(mistakes);
        }
        return new SiteConfig(projectDir, contentDir, templateDir, outputDir, languages, baseUrl, zone, now, preview, voteEndpoint);
    }

    public String defaultLanguage() {
        return languages.get(0);
    }

    /** The same settings with another output folder, base address and moment (preview, tests). */
    public SiteConfig with(Path output, String url, OffsetDateTime moment, boolean isPreview) {
        return new SiteConfig(projectDir, contentDir, templateDir, output, languages, url, zone, moment, isPreview, voteEndpoint);
    }

    /** The same settings with the counter at another address ("" for the site's own origin). */
    public SiteConfig withVoteEndpoint(String endpoint) {
        return new SiteConfig(projectDir, contentDir, templateDir, outputDir, languages, baseUrl, zone, now, preview, endpoint);
    }
}
