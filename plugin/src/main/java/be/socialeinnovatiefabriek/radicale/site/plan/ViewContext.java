package be.socialeinnovatiefabriek.radicale.site.plan;

import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.content.Content.Bundle;
import be.socialeinnovatiefabriek.radicale.site.content.Content.Text;
import be.socialeinnovatiefabriek.radicale.site.content.Content;
import be.socialeinnovatiefabriek.radicale.site.i18n.Messages;
import be.socialeinnovatiefabriek.radicale.site.media.SiteMedia;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the template models of one build are made from, with the addresses and language fallback they all use. */
record ViewContext(SiteConfig config, Content content, Messages messages, SiteMedia media) {

    /** The path part of the base address, in front of every link. */
    String base() {
        return config.basePath();
    }

    /** The text in {@code lang}, or the default language's text to fall back on, or null. */
    <T extends Text> T pick(Bundle<T> bundle, String lang) {
        return bundle.textFor(lang, config.defaultLanguage());
    }

    /** The site path of {@code rest} below the folder of {@code lang}. */
    String path(String lang, String rest) {
        return base() + "/" + lang + "/" + rest;
    }

    /** The full address of a site path (which already holds the base path). */
    String absolute(String sitePath) {
        String origin = config.baseUrl().substring(0, config.baseUrl().length() - base().length());
        return origin + sitePath;
    }

    String t(String lang, String key) {
        return messages.get(lang, key);
    }

    /** A model map in the order given: templates and JSON-LD list keys in that order. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Leaves an absent optional field out of the model: templates test it as missing ({@code ??}, {@code ?has_content}). */
    static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
