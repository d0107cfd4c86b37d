package be.socialeinnovatiefabriek.radicale.site.plan;

import be.socialeinnovatiefabriek.radicale.site.Routes;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.content.Content.Bundle;
import be.socialeinnovatiefabriek.radicale.site.content.Content.Text;
import be.socialeinnovatiefabriek.radicale.site.content.Content;
import be.socialeinnovatiefabriek.radicale.site.i18n.Messages;
import be.socialeinnovatiefabriek.radicale.site.media.SiteMedia;

/** What the page models of one build are made from: the settings, the content, the UI strings, the media and the addresses. */
record ViewContext(SiteConfig config, Content content, Messages messages, SiteMedia media, Routes routes) {

    /** The text in {@code lang}, or the default language's text to fall back on, or null. */
    <T extends Text> T pick(Bundle<T> bundle, String lang) {
        return bundle.textFor(lang, config.defaultLanguage());
    }

    /** The UI string {@code key} in {@code lang}. */
    String t(String lang, String key) {
        return messages.get(lang, key);
    }
}
