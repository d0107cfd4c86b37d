package be.socialeinnovatiefabriek.radicale.site.plan;

import java.util.List;

/** For staff: a nominee of an edition, with its poster and share image in every language. */
public record PosterRow(String name, String path, List<File> files) {

    /** One language's poster (PDF) and share image (PNG), with the language's name. */
    public record File(String lang, String name, String poster, String card) {
    }
}
