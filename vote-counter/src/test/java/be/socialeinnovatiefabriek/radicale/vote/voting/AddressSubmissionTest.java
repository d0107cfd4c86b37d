package be.socialeinnovatiefabriek.radicale.vote.voting;

import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.assertRefused;
import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.page;
import static be.socialeinnovatiefabriek.radicale.vote.CounterFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.CounterFixture;
import be.socialeinnovatiefabriek.radicale.vote.http.ApiResponse;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.ConfirmationMail;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The address of a vote: the one that is counted is the one that is mailed, and one mailbox votes once. */
class AddressSubmissionTest {

    private static final String VOTES = "/api/campaigns/2026/votes";

    @TempDir
    Path directory;
    CounterFixture counter;

    @BeforeEach
    void start() throws IOException {
        counter = new CounterFixture(directory, 100, 100, 100);
    }

    @AfterEach
    void stop() {
        counter.close();
    }

    private ApiResponse vote(String email) {
        return counter.postJson(VOTES, "{\"nominee\": \"papillon\", \"email\": \"" + email + "\", \"lang\": \"en\"}");
    }

    private long pendingVotes() throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("votes.db"));
             ResultSet rows = db.createStatement().executeQuery("SELECT count(*) FROM pending")) {
            return rows.getLong(1);
        }
    }

    @Test
    void anAddressBehindADisplayNameIsRefusedAndNothingIsMailedOrKept() throws SQLException {
        ApiResponse json = vote("victim+x <mallory@evil.example>@example.net");
        ApiResponse form = counter.postForm(VOTES, "nominee=papillon&lang=fr&email="
                + URLEncoder.encode("victim+x <mallory@evil.example>@example.net", StandardCharsets.UTF_8));

        assertRefused(json, 400, "bad_request");
        assertTrue(text(json).contains("angle brackets"), text(json));
        assertEquals(303, form.status());
        assertEquals(page("fr", "problem"), form.headers().get("Location"));
        assertEquals(List.of(), counter.mailer.sent);
        assertEquals(0, pendingVotes());
        assertEquals(Map.of(), counter.tallies("2026"));
    }

    @Test
    void theMailGoesToTheTypedAddressAndTheVoteToItsMailbox() {
        assertEquals(202, vote("Bo.B+stem@GoogleMail.com").status());

        ConfirmationMail mail = counter.mailer.lastConfirmation();
        assertEquals("Bo.B+stem@googlemail.com", mail.to().value());
    }

    @Test
    void theFourSpellingsOfOneGmailMailboxCountOnce() {
        List<String> spellings = List.of("bob@gmail.com", "b.o.b@gmail.com", "bob@googlemail.com", "bo.b+x@gmail.com");
        for (String spelling : spellings) {
            vote(spelling);
        }

        // Whatever each submission was told, confirming every link that was mailed counts one vote.
        for (Mailer.Mail sent : List.copyOf(counter.mailer.sent)) {
            ConfirmationMail mail = (ConfirmationMail) sent; // none had voted when it was sent
            String token = mail.confirmUrl().getRawQuery().substring("token=".length());
            counter.postJson("/api/votes/confirm", "{\"token\": \"" + token + "\"}");
        }

        assertTrue(spellings.containsAll(counter.mailer.sent.stream().map(m -> m.to().value()).toList()));
        assertEquals(Map.of("papillon", 1L), counter.tallies("2026"));
    }

    @Test
    void dotsKeepTwoMailboxesApartOutsideGmail() {
        for (String address : List.of("ann.peeters@example.be", "annpeeters@example.be")) {
            vote(address);
            counter.postJson("/api/votes/confirm", "{\"token\": \"" + counter.mailer.lastToken() + "\"}");
        }

        assertEquals(Map.of("papillon", 2L), counter.tallies("2026"));
    }
}
