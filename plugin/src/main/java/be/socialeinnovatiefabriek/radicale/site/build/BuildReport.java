package be.socialeinnovatiefabriek.radicale.site.build;

import java.util.Map;

/**
 * What a build did, for the summary line.
 *
 * @param pagesByLanguage pages written per language folder
 * @param pages           HTML pages in the site
 * @param rendered        pages rendered in this build (fewer than pages on a warm preview rebuild)
 * @param filesWritten    files that changed on disk
 * @param millis          wall time of the build
 * @param images          photos and share cards drawn (not taken from the cache)
 * @param posters         posters drawn
 * @param cachedMedia     media taken from the cache
 * @param mediaMillis     wall time spent on media
 * @param mediaLater      the images and posters are drawn after the build (the preview), not made yet
 * @param cacheUnsaved    why what this build keeps for the next could not be written (null when it was, or when there
 *                        was nothing new to keep): the site is whole, the next build only renders every page again
 */
public record BuildReport(Map<String, Integer> pagesByLanguage, int pages, int rendered, int filesWritten, long millis,
                          int images, int posters, int cachedMedia, long mediaMillis, boolean mediaLater,
                          String cacheUnsaved) {

    /** One line, such as "Built 123 pages (nl 40, fr 40, en 40) in 310 ms". */
    public String summary() {
        StringBuilder languages = new StringBuilder();
        pagesByLanguage.forEach((lang, count) -> languages.append(languages.length() == 0 ? "" : ", ").append(lang).append(' ').append(count));
        return "Built " + pages + " pages (" + languages + ") in " + millis + " ms"
                + (rendered < pages ? "; re-rendered " + rendered + ", wrote " + filesWritten + " changed files" : "")
                + "; media: " + images + " images and " + posters + " posters " + (mediaLater ? "to draw next" : "made") + ", " + cachedMedia
                + " from cache, in " + mediaMillis + " ms"
                + (cacheUnsaved == null ? "" : "; the cache for the next build could not be written (" + cacheUnsaved
                        + "): this site is complete, the next build renders every page again");
    }
}
