package be.socialeinnovatiefabriek.radicale.site.media;

import java.awt.Color;

/** The site's colours (see site-template/assets/site.css), for the share cards and posters. */
final class Palette {

    static final Color ACCENT = new Color(0xb3124f);
    static final Color INK = new Color(0x1b1b1f);
    static final Color PAPER = Color.WHITE;

    private Palette() {
    }
}
