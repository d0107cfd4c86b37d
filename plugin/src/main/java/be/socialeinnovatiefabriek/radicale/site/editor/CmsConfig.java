package be.socialeinnovatiefabriek.radicale.site.editor;

import be.socialeinnovatiefabriek.radicale.site.content.ContentFields;
import be.socialeinnovatiefabriek.radicale.site.content.ContentFields.Field;
import be.socialeinnovatiefabriek.radicale.site.content.ContentFields.Kind;
import be.socialeinnovatiefabriek.radicale.site.content.ContentFields.SectionFields;
import be.socialeinnovatiefabriek.radicale.site.Routes;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The CMS's configuration (Decap CMS's config.yml), made from the content schemas ({@link ContentFields}):
 * one collection per section of content/, one form field per front matter key, in the site's
 * languages with one file per language, photos in the page's own folder.
 */
final class CmsConfig {

    /** The address of the local backend, beside the CMS's page; the vote counter keeps /api/. */
    static final String API = "/admin/api/v1";

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("name", "Name"), Map.entry("tagline", "Tagline"), Map.entry("organisation", "Organisation"),
            Map.entry("themes", "Themes"), Map.entry("region", "Region"), Map.entry("website", "Website"),
            Map.entry("photo", "Photo"), Map.entry("photoAlt", "Photo description"), Map.entry("title", "Title"),
            Map.entry("summary", "Summary"), Map.entry("nominees", "Nominees"), Map.entry("opens", "Voting opens"),
            Map.entry("closes", "Voting closes"), Map.entry("results", "Results shown"), Map.entry("verification", "Vote confirmation"),
            Map.entry("votesPerVoter", "Votes per person"), Map.entry("jury", "Jury"), Map.entry("winners", "Winners"),
            Map.entry("description", "Description"), Map.entry("menu", "Menu position"), Map.entry("edition", "Edition"),
            Map.entry("draft", "Draft"), Map.entry("publishDate", "Publish from"), Map.entry("expiryDate", "Take down from"),
            Map.entry("conformance", "Conformance"), Map.entry("evaluated", "Evaluated on"), Map.entry("method", "Evaluation method"),
            Map.entry("prepared", "Drawn up on"), Map.entry("reviewed", "Reviewed on"), Map.entry("contact", "Contact"));
    private static final Map<String, String[]> COLLECTIONS = Map.of(
            "innovators", new String[] {"Innovators", "Innovator"},
            "campaigns", new String[] {"Editions", "Edition"},
            "pages", new String[] {"Pages", "Page"},
            "news", new String[] {"News", "News item"},
            "accessibility", new String[] {"Accessibility statement", "Accessibility statement"});
    private static final String MOMENT = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?([+-]\\d{2}:\\d{2}|Z)$";
    private static final String DATE_OR_MOMENT = "^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2})?([+-]\\d{2}:\\d{2}|Z))?$";

    private final SiteConfig config;
    private final String prefix;
    private final Map<String, Map<String, String>> themes;

    /**
     * @param prefix the content folder as the CMS names it, such as "content"
     * @param themes the theme keys with their label per language
     */
    CmsConfig(SiteConfig config, String prefix, Map<String, Map<String, String>> themes) {
        this.config = config;
        this.prefix = prefix;
        this.themes = themes;
    }

    /** The configuration under the preview: the local backend in Java, links to the preview at {@code origin}. */
    String forPreview(String origin) {
        Map<String, Object> backend = new LinkedHashMap<>();
        backend.put("name", "proxy");
        backend.put("proxy_url", API);
        backend.put("branch", "main");
        return yaml(document(backend, origin));
    }

    /** The configuration of the published editor: a Git host's backend, links to the published site. */
    String forPublishing(GitBackend git) {
        Map<String, Object> backend = new LinkedHashMap<>();
        backend.put("name", git.name());
        backend.put("repo", git.repo());
        backend.put("branch", git.branch());
        if (git.baseUrl() != null && !git.baseUrl().isBlank()) {
            backend.put("base_url", git.baseUrl());
        }
        if (git.appId() != null && !git.appId().isBlank()) {
            // GitLab and Gitea sign staff in from the browser alone (PKCE) with the id of an OAuth application.
            backend.put("auth_type", "pkce");
            backend.put("app_id", git.appId());
        }
        return yaml(document(backend, config.baseUrl()));
    }

    private Map<String, Object> document(Map<String, Object> backend, String siteUrl) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("backend", backend);
        document.put("site_url", siteUrl);
        document.put("display_url", siteUrl);
        document.put("show_preview_links", true);
        document.put("locale", "en");
        // Photos live in each page's own folder (the collections say so); the CMS insists on a shared folder too.
        document.put("media_folder", prefix);
        document.put("public_folder", "/");
        document.put("slug", Map.of("encoding", "ascii", "clean_accents", true, "sanitize_replacement", "-"));
        Map<String, Object> i18n = new LinkedHashMap<>();
        i18n.put("structure", "multiple_files");
        i18n.put("locales", config.languages());
        i18n.put("default_locale", config.defaultLanguage());
        document.put("i18n", i18n);
        List<Object> collections = new ArrayList<>();
        for (SectionFields section : ContentFields.SECTIONS) {
            collections.add(collection(section));
        }
        document.put("collections", collections);
        return document;
    }

    private Map<String, Object> collection(SectionFields section) {
        Map<String, Object> collection = new LinkedHashMap<>();
        String[] labels = COLLECTIONS.get(section.folder());
        collection.put("name", section.folder());
        collection.put("label", labels[0]);
        collection.put("label_singular", labels[1]);
        collection.put("folder", prefix + "/" + section.folder());
        // One folder per page with index.<lang>.md in it: the site's bundles (or the section's folder is the one page).
        collection.put("path", section.single() ? "index" : "{{slug}}/index");
        collection.put("extension", "md");
        collection.put("format", "yaml-frontmatter");
        collection.put("media_folder", "");
        collection.put("public_folder", "");
        collection.put("create", !section.single());
        collection.put("delete", !section.single());
        collection.put("identifier_field", section.summary());
        collection.put("summary", "{{" + section.summary() + "}}");
        if (!section.single()) {
            collection.put("slug", switch (section.folder()) {
                case "campaigns" -> "{{fields.opens | date('YYYY')}}";
                case "news" -> "{{year}}-{{month}}-{{day}}-{{slug}}";
                default -> "{{slug}}";
            });
        }
        // Relative to site_url; the CMS's slug of a page is "<folder>/index", and {{dirname}} is the folder.
        Routes routes = new Routes(config);
        collection.put("preview_path", address(routes, section, config.defaultLanguage(), "{{dirname}}").substring(routes.base().length() + 1));
        collection.put("i18n", true);
        List<Object> fields = new ArrayList<>();
        for (Field field : section.fields()) {
            fields.add(field(field));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "body");
        body.put("label", "Text");
        body.put("widget", "markdown");
        body.put("required", false);
        body.put("i18n", true);
        body.put("hint", "In Markdown, in this language. Images need a description: ![What it shows](picture.jpg).");
        fields.add(body);
        collection.put("fields", fields);
        return collection;
    }

    /**
     * One form field. Every field is optional in the form: the backend checks a save with the build's
     * own rules and answers with the build's own messages, so the form never says something else.
     */
    private Map<String, Object> field(Field field) {
        Map<String, Object> widget = new LinkedHashMap<>();
        widget.put("name", field.key());
        widget.put("label", LABELS.getOrDefault(field.key(), field.key()) + (field.required() ? " (required)" : ""));
        widget.put("required", false);
        // Texts are translated; values the same in every language (themes, dates, nominees) are copied to translations.
        boolean text = field.kind() == Kind.TEXT || field.kind() == Kind.PARAGRAPH || field.kind() == Kind.WEB_ADDRESS;
        widget.put("i18n", text || !field.inherited() ? (Object) true : "duplicate");
        String hint = field.help() + " Written as '" + field.key() + ":' in the file."
                + (field.inherited() && text ? " A translation may leave it empty to show the " + language(config.defaultLanguage()) + " value." : "");
        widget.put("hint", hint);
        switch (field.kind()) {
            case TEXT -> widget.put("widget", "string");
            case PARAGRAPH -> widget.put("widget", "text");
            case DATE -> {
                widget.put("widget", "string");
                widget.put("pattern", List.of("^\\d{4}-\\d{2}-\\d{2}$", "write it as year-month-day, such as 2026-12-05"));
            }
            case WEB_ADDRESS -> {
                widget.put("widget", "string");
                widget.put("pattern", List.of("^https?://\\S+$", "write the full address, starting with https://"));
            }
            case INTEGER -> {
                widget.put("widget", "number");
                widget.put("value_type", "int");
                widget.put("min", field.min());
            }
            case BOOLEAN -> widget.put("widget", "boolean");
            case CHOICE -> {
                widget.put("widget", "select");
                widget.put("options", field.choices());
            }
            case MOMENT -> {
                widget.put("widget", "string");
                widget.put("pattern", List.of(MOMENT, "write it as 2026-12-13T20:00+01:00 (+01:00 in winter, +02:00 in summer in Brussels)"));
            }
            case MOMENT_OR_DATE -> {
                widget.put("widget", "string");
                widget.put("pattern", List.of(DATE_OR_MOMENT, "write a date as 2027-01-31, or a moment as 2027-01-31T09:00+01:00"));
            }
            case THEMES -> {
                widget.put("widget", "select");
                widget.put("multiple", true);
                List<Object> options = new ArrayList<>();
                themes.forEach((key, labels) -> options.add(Map.of("value", key, "label", labels.get(config.defaultLanguage()) + " (" + key + ")")));
                widget.put("options", options);
            }
            case INNOVATORS -> {
                widget.putAll(relation("innovators", "name"));
                widget.put("multiple", true);
            }
            case WINNERS -> {
                widget.put("widget", "object");
                widget.put("i18n", true); // an object says only whether it is translated; its fields say how

                widget.put("collapsed", false);
                List<Object> roles = new ArrayList<>();
                for (String role : field.choices()) {
                    Map<String, Object> winner = new LinkedHashMap<>(relation("innovators", "name"));
                    winner.put("name", role);
                    winner.put("label", role.equals("jury") ? "Jury prize" : role.equals("audience") ? "Audience prize" : role);
                    winner.put("required", false);
                    winner.put("i18n", "duplicate");
                    roles.add(winner);
                }
                widget.put("fields", roles);
            }
            case PHOTO -> {
                widget.put("widget", "image");
                widget.put("choose_url", false);
            }
            case EDITION -> widget.putAll(relation("campaigns", "title"));
            default -> throw new IllegalStateException("no form input for " + field.kind());
        }
        return widget;
    }

    /** A page chosen from a collection: the CMS's relation widget, writing the page's folder name (editor.js). */
    private static Map<String, Object> relation(String collection, String shown) {
        Map<String, Object> relation = new LinkedHashMap<>();
        relation.put("widget", "page-folder");
        relation.put("collection", collection);
        relation.put("value_field", "{{slug}}");
        relation.put("search_fields", List.of(shown));
        relation.put("display_fields", List.of(shown));
        return relation;
    }

    /** Where a page of {@code section} in folder {@code slug} is published in {@code lang}, as the site's routes build it. */
    static String address(Routes routes, SectionFields section, String lang, String slug) {
        return switch (section.section()) {
            case INNOVATORS -> routes.innovator(lang, slug);
            case CAMPAIGNS -> routes.edition(lang, slug);
            case PAGES -> routes.page(lang, slug);
            case NEWS -> routes.newsItem(lang, slug);
            case ACCESSIBILITY -> routes.accessibility(lang);
        };
    }

    private static String language(String code) {
        return java.util.Locale.forLanguageTag(code).getDisplayLanguage(java.util.Locale.ENGLISH);
    }

    private static String yaml(Map<String, Object> document) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(160);
        return "# Made by the campaign-site plugin from its content schemas; edits here are lost.\n" + new Yaml(options).dump(document);
    }

    /**
     * The Git host the published editor commits to.
     *
     * @param name    the CMS's name of the host: github, gitlab, gitea, bitbucket
     * @param repo    owner/name
     * @param baseUrl the authentication server, or null for the host's default
     * @param appId   the OAuth application's id for signing in from the browser (GitLab, Gitea), or null
     */
    record GitBackend(String name, String repo, String branch, String baseUrl, String appId) {
    }
}
