/**
 * All the site's media: each innovator's photo in a few widths, and for the nominees of an edition
 * still to come or open, a share image and a printable poster per language.
 *
 * <p>{@link be.socialeinnovatiefabriek.radicale.site.media.SiteMedia} decides what one build publishes;
 * {@link be.socialeinnovatiefabriek.radicale.site.media.MediaBuilder} draws it, with the fonts in
 * {@code site-template/fonts/} only, and keeps every file in a cache folder under a hash of what shapes it.
 */
package be.socialeinnovatiefabriek.radicale.site.media;
