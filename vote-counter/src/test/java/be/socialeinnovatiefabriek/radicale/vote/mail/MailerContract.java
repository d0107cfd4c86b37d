package be.socialeinnovatiefabriek.radicale.vote.mail;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import be.socialeinnovatiefabriek.radicale.vote.address.MailAddress;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.AlreadyCountedMail;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.ConfirmationMail;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What every {@link Mailer} does with a mail to a voter: it reaches its one recipient, in the voter's language
 * (Dutch for any other), with the same subject whichever mailer sends it, the confirmation link in a
 * confirmation mail and none in an "already counted" mail, a line break in a name kept out of the subject, and
 * every mail of many sent at once delivered once. A mailer's test extends this class, says how to make one and
 * how to read what it delivered.
 */
public abstract class MailerContract {

    private static final Instant SENT = Instant.parse("2026-11-20T11:00:00Z");
    private static final String TITLE = "Radicale Vernieuwers 2026";

    /** One mail as its recipient (or staff, in the outbox) sees it; {@code link} is null when it has none. */
    protected record Delivered(String to, String subject, String lang, String link) {
    }

    /** The mailer under test, new for each test. */
    protected abstract Mailer mailer() throws Exception;

    /** Every mail delivered in this test, in the order they were sent. */
    protected abstract List<Delivered> delivered() throws Exception;

    private static MailAddress address(String local) {
        return new MailAddress(local, "example.org");
    }

    private static URI link(String token) {
        return URI.create("https://stem.example.org/api/votes/confirm?token=" + token);
    }

    private static ConfirmationMail confirmation(String local, String lang, String title, String token) {
        return new ConfirmationMail(address(local), lang, title, "Zoë Dubois-Lefèvre & Co", link(token),
                SENT.plus(ConfirmationMail.LINK_LIFETIME), false);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nl    | nl | Bevestig je stem voor Radicale Vernieuwers 2026",
        "fr    | fr | Confirmez votre vote pour Radicale Vernieuwers 2026",
        "fr-BE | fr | Confirmez votre vote pour Radicale Vernieuwers 2026",
        "en    | en | Confirm your vote in Radicale Vernieuwers 2026",
        "de    | nl | Bevestig je stem voor Radicale Vernieuwers 2026"})
    void aConfirmationMailReachesItsRecipientInTheVotersLanguageWithItsLink(String asked, String lang, String subject)
            throws Exception {
        mailer().send(confirmation("ann.peeters", asked, TITLE, "AbC-123_xyz"));

        assertEquals(List.of(new Delivered("ann.peeters@example.org", subject, lang, link("AbC-123_xyz").toString())),
                delivered());
    }

    @Test
    void anAlreadyCountedMailReachesItsRecipientWithoutALink() throws Exception {
        mailer().send(new AlreadyCountedMail(address("ann.peeters"), "fr", TITLE, "Zoë"));

        assertEquals(List.of(new Delivered("ann.peeters@example.org",
                "Votre vote pour Radicale Vernieuwers 2026 est déjà compté", "fr", null)), delivered());
    }

    @Test
    void theSubjectIsTheOneEveryMailerWrites() throws Exception {
        ConfirmationMail mail = confirmation("ann.peeters", "en", TITLE, "t1");

        mailer().send(mail);

        assertEquals(MailTemplates.load().render(mail).subject(), delivered().get(0).subject());
    }

    @Test
    void aLineBreakInATitleStaysOutOfTheSubject() throws Exception {
        mailer().send(confirmation("ann.peeters", "en", "RV 2026\r\nBcc: mallory@evil.example", "t1"));
        mailer().send(new AlreadyCountedMail(address("bob"), "en", "RV 2026\nBcc: mallory@evil.example", "Zoë"));

        List<Delivered> delivered = delivered();
        assertAll(
                () -> assertEquals("Confirm your vote in RV 2026 Bcc: mallory@evil.example", delivered.get(0).subject()),
                () -> assertEquals("Your vote in RV 2026 Bcc: mallory@evil.example is already counted",
                        delivered.get(1).subject()),
                () -> assertEquals(List.of("ann.peeters@example.org", "bob@example.org"),
                        delivered.stream().map(Delivered::to).toList()),
                () -> assertNull(delivered.get(1).link()));
    }

    @Test
    void manyMailsSentAtOnceAreEachDeliveredOnceToTheirOwnRecipient() throws Exception {
        Mailer mailer = mailer();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                sent.add(pool.submit(() -> {
                    mailer.send(confirmation("voter" + n, "en", TITLE, "token" + n));
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        List<Delivered> delivered = new ArrayList<>(delivered());
        delivered.sort(Comparator.comparing(Delivered::to));
        List<Delivered> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            expected.add(new Delivered("voter" + i + "@example.org", "Confirm your vote in " + TITLE, "en",
                    link("token" + i).toString()));
        }
        expected.sort(Comparator.comparing(Delivered::to));
        assertEquals(expected, delivered);
    }
}
