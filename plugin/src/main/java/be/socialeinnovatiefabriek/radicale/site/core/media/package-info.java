/**
 * The site's generated images: photos resized for {@code srcset}, share images and printable posters.
 *
 * <p>{@link be.socialeinnovatiefabriek.radicale.site.core.media.MediaBuilder} is the one entry point.
 * It draws with the fonts in {@code site-template/fonts/} only, keeps every file in a cache folder under
 * a hash of what shapes it, and reports a photo staff must fix as a
 * {@link be.socialeinnovatiefabriek.radicale.site.core.media.MediaProblem} (which file, what is wrong,
 * what to do). No Maven types here.
 */
package be.socialeinnovatiefabriek.radicale.site.core.media;
