package be.socialeinnovatiefabriek.radicale.site.editor;

import be.socialeinnovatiefabriek.radicale.site.content.ContentFields;
import be.socialeinnovatiefabriek.radicale.site.Routes;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** The editor's own pages (the CMS's shell, sign-in, and why the editor is off) and what its script needs to know of the schemas. */
final class EditorPages {

    private EditorPages() {
    }

    /**
     * The page that loads the CMS; its addresses are relative, so the published copy works under any path.
     * Under the preview ({@code local}) there is nobody to sign in as: the preview's script signs in before the CMS starts.
     */
    static String cms(boolean local) {
        return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex\">\n"
                + "<title>Editor</title>\n<link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" href=\"editor.css\">\n</head>\n<body>\n"
                + (local ? "<script src=\"local.js\"></script>\n" : "")
                + "<script src=\"decap/decap-cms.js\"></script>\n<script src=\"editor.js\"></script>\n</body>\n</html>\n";
    }

    static String login(String error) {
        return page("Sign in to the editor", (error == null ? "" : "<p class=\"editor-error\" role=\"alert\">" + escape(error) + "</p>")
                + "<form method=\"post\" action=\"/admin/login\"><label for=\"secret\">The editor's secret</label>"
                + "<input id=\"secret\" name=\"secret\" type=\"password\" autocomplete=\"current-password\" required>"
                + "<button type=\"submit\">Sign in</button></form>"
                + "<p>A maintainer set it in the environment of the preview (" + EditorAccess.SECRET_VARIABLE + ").</p>");
    }

    static String off(String reason) {
        return page("The editor is off", "<p>" + escape(reason.substring(0, 1).toUpperCase(Locale.ROOT) + reason.substring(1)) + ".</p>"
                + "<p>The content can still be edited in <code>content/</code> with any text editor.</p>");
    }

    static String refused(String message) {
        return page("Not here", "<p>" + escape(message) + "</p>");
    }

    static String notBuilt() {
        return page("The editor is missing", "<p>" + escape(EditorAssets.NOT_BUILT.substring(0, 1).toUpperCase(Locale.ROOT)
                + EditorAssets.NOT_BUILT.substring(1)) + ".</p>");
    }

    static String notFound() {
        return page("Not found", "<p>The editor has no such page. <a href=\"/admin/\">Open the editor</a>.</p>");
    }

    /**
     * What the editor's script needs from the schemas: each collection's address on the site and the
     * fields every language file must give, for the preview pane's translation status.
     */
    static ObjectNode fields(SiteConfig config) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode fields = json.objectNode().put("defaultLanguage", config.defaultLanguage());
        Routes routes = new Routes(config);
        ObjectNode languages = fields.putObject("languages");
        for (String lang : config.languages()) {
            String name = Locale.forLanguageTag(lang).getDisplayLanguage(Locale.forLanguageTag(lang));
            languages.put(lang, name.isEmpty() ? lang : name.substring(0, 1).toUpperCase(Locale.forLanguageTag(lang)) + name.substring(1));
        }
        ObjectNode collections = fields.putObject("collections");
        for (ContentFields.SectionFields section : ContentFields.SECTIONS) {
            ObjectNode collection = collections.putObject(section.folder()).put("single", section.single());
            ObjectNode addresses = collection.putObject("addresses");
            config.languages().forEach(lang -> addresses.put(lang, CmsConfig.address(routes, section, lang, "{slug}")));
            var own = collection.putArray("ownRequired");
            section.fields().stream().filter(field -> field.required() && !field.inherited()).forEach(field -> own.add(field.key()));
            var required = collection.putArray("required");
            section.fields().stream().filter(ContentFields.Field::required).forEach(field -> required.add(field.key()));
        }
        return fields;
    }

    private static String page(String title, String content) {
        return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"robots\" content=\"noindex\">\n"
                + "<title>" + escape(title) + "</title>\n<link rel=\"stylesheet\" href=\"/admin/editor.css\">\n</head>\n"
                + "<body class=\"editor-page\">\n<main>\n<h1>" + escape(title) + "</h1>\n" + content + "\n</main>\n</body>\n</html>\n";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
