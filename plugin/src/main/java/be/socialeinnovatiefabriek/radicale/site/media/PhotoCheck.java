package be.socialeinnovatiefabriek.radicale.site.media;

import be.socialeinnovatiefabriek.radicale.site.Problem;
import be.socialeinnovatiefabriek.radicale.site.Problems;
import be.socialeinnovatiefabriek.radicale.site.content.Content.Bundle;
import be.socialeinnovatiefabriek.radicale.site.content.Content.InnovatorText;
import be.socialeinnovatiefabriek.radicale.site.content.Content.PhotoSource;
import be.socialeinnovatiefabriek.radicale.site.content.Content;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The size of every innovator's photo, checked with the content's other problems (before anything is
 * drawn) and named at the front matter line that gives the photo. Sizes come from the images' headers
 * and are kept between builds for the photos that did not change.
 */
public final class PhotoCheck {

    private final Map<Path, Measured> measured = new ConcurrentHashMap<>();

    /** Adds a problem for each photo that is not an image, too small or too large. */
    public void check(Content content, Problems problems) {
        Set<PhotoSource> photos = new LinkedHashSet<>();
        for (Bundle<InnovatorText> innovator : content.innovators().values()) {
            innovator.texts().values().stream().map(InnovatorText::photo).filter(photo -> photo != null).forEach(photos::add);
        }
        photos.parallelStream().forEach(photo -> problem(photo).ifPresent(problems::add));
    }

    /**
     * The orientation of a photo may turn its header's width, so only a photo too small either way is
     * refused here; the media measure it upright when they resize it.
     */
    private Optional<Problem> problem(PhotoSource photo) {
        Path file = photo.image();
        try {
            Optional<PhotoSize> size = size(file);
            if (size.isEmpty()) {
                return Optional.of(at(photo, MediaProblem.ofPhoto(file, "is not a readable JPEG or PNG image", "export the photo again as JPEG")));
            }
            if (Math.max(size.get().width(), size.get().height()) < PhotoSize.MIN_WIDTH) {
                return Optional.of(at(photo, PhotoSize.tooNarrow(file, size.get().width())));
            }
            if (size.get().tooLarge()) {
                return Optional.of(at(photo, PhotoSize.tooLarge(file, size.get())));
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(at(photo, MediaProblem.ofPhoto(file, "cannot be read (" + e.getMessage() + ")", "export the photo again as JPEG")));
        }
    }

    /** A problem with a photo, shown where the content names it. */
    static Problem at(PhotoSource photo, MediaProblem problem) {
        return new Problem(photo.namedIn(), photo.line(), problem.problem().what(), problem.problem().fix());
    }

    private Optional<PhotoSize> size(Path file) throws IOException {
        long modified = Files.getLastModifiedTime(file).toMillis();
        Measured known = measured.get(file);
        if (known != null && known.modified() == modified) {
            return known.size();
        }
        Optional<PhotoSize> size = PhotoSize.read(file);
        measured.put(file, new Measured(modified, size));
        return size;
    }

    private record Measured(long modified, Optional<PhotoSize> size) {
    }
}
