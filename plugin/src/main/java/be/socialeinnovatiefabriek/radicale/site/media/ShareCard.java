package be.socialeinnovatiefabriek.radicale.site.media;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a share image shows, in one language: the nominee's photo, name and tagline, the edition's title
 * and the call to vote ("Stem op Papillon", "Votez pour Papillon", "Vote for Papillon").
 */
public record ShareCard(Path photo, String name, String tagline, String editionTitle, String callToVote) {

    public ShareCard {
        Objects.requireNonNull(photo, "photo");
        Objects.requireNonNull(name, "name");
        tagline = tagline == null ? "" : tagline;
        editionTitle = editionTitle == null ? "" : editionTitle;
        callToVote = callToVote == null ? "" : callToVote;
    }
}
