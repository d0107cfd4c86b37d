package be.socialeinnovatiefabriek.radicale.site.plan;

import java.util.List;
import java.util.Map;

/**
 * An edition as templates see it (the "edition view" of site-template/README.md): a card in lists and
 * on its vote pages, or its own page, which alone has a {@code bodyHtml}.
 *
 * @param year        the edition's folder name
 * @param summary     null when not given, as {@code jury}
 * @param voteAnchor  the id of the vote for this edition on a nominee's profile
 * @param voteAction  where the vote form posts
 * @param voteChallenge where the form asks for the proof of work a vote without e-mail needs
 * @param opens       when voting opens, ISO-8601; {@code opensText} the same for the page's language, in the campaign's time zone
 * @param phase       upcoming, open or closed, as of the build's moment
 * @param results     after-close or live
 * @param verification email or none, as the default language's text says (the ballot's, which the counter follows)
 * @param nominees    the nominees shown in the page's language, as cards
 * @param winners     by prize (jury, audience), among the nominees
 */
public record EditionView(String year, String title, String summary, String jury, String path, String votePath, String resultsPath,
                          String postersPath, String voteAnchor, String voteAction, String voteChallenge, String opens, String closes, String opensText,
                          String closesText, String phase, String results, String verification, int votesPerVoter,
                          List<InnovatorView> nominees, Map<String, InnovatorView> winners, String lang, boolean fallback,
                          String bodyHtml) {
}
