package be.socialeinnovatiefabriek.radicale.site.media;

/** A photo as published in a few widths: the default source, a srcset per format (WebP may be empty), and the default's size. */
public record PublishedPhoto(String src, String srcset, String webpSrcset, int width, int height) {
}
