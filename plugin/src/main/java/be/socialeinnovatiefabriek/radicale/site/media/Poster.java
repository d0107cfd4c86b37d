package be.socialeinnovatiefabriek.radicale.site.media;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a printable poster shows, in one language ({@code lang}, e.g. "fr"): the edition's title, the
 * nominee's photo, name and tagline, the call to vote, and a QR code that opens {@code voteUrl}
 * (absolute, the vote page in that language), printed under the code as well.
 */
public record Poster(Path photo, String name, String tagline, String editionTitle, String callToVote,
                     String voteUrl, String lang) {

    public Poster {
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(voteUrl, "voteUrl");
        if (voteUrl.isBlank()) {
            throw new IllegalArgumentException("a poster needs the address of its vote page");
        }
        tagline = tagline == null ? "" : tagline;
        editionTitle = editionTitle == null ? "" : editionTitle;
        callToVote = callToVote == null ? "" : callToVote;
        lang = lang == null ? "" : lang;
    }
}
