package be.socialeinnovatiefabriek.radicale.site.media;

/**
 * What a {@link MediaBuilder} did since it was made: {@code images} PNG share cards and resized photo
 * files drawn, {@code posters} PDF posters drawn, {@code cached} requests answered from the cache
 * without drawing, and {@code millis} spent in its calls (summed over threads, so it can exceed the
 * wall-clock time of a parallel build).
 */
public record MediaStats(int images, int posters, int cached, long millis) {
}
