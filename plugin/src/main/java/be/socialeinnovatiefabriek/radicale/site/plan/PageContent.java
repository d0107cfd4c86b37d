package be.socialeinnovatiefabriek.radicale.site.plan;

import java.util.List;

/** What only the pages of one type have, each under the names its template reads (site-template/README.md, "Per type"). */
public sealed interface PageContent {

    /** Pages that show nothing of their own beyond the shared model: the root, 404, archive, plain pages. */
    record None() implements PageContent {
    }

    /** The home page: the newest news. */
    record Home(List<NewsView> latestNews) implements PageContent {
    }

    /** An innovator's profile. */
    record Innovator(InnovatorView innovator) implements PageContent {
    }

    /** The list of innovators, by name. */
    record Innovators(List<InnovatorView> innovators) implements PageContent {
    }

    /** An edition's page, its vote page or its results. */
    record Edition(EditionView edition) implements PageContent {
    }

    /** A page the counter sends a voter to: {@code voteStatus} is checkMail, thanks, alreadyVoted, closed or problem. */
    record VoteStatus(EditionView edition, String voteStatus) implements PageContent {
    }

    /** For staff: an edition's posters and share images. */
    record Posters(EditionView edition, List<PosterRow> posters) implements PageContent {
    }

    /** The news, newest first. */
    record News(List<NewsView> news) implements PageContent {
    }

    /** One news item, with its text. */
    record NewsItem(NewsView newsItem) implements PageContent {
    }

    /** A theme with the innovators who work on it. */
    record Theme(ThemeView theme) implements PageContent {
    }

    /** Every theme, with how many innovators work on it. */
    record Themes(List<ThemeView> themes) implements PageContent {
    }

    /** The accessibility statement: its facts, set out by the template in the model statement's order. */
    record Accessibility(StatementView statement) implements PageContent {
    }
}
