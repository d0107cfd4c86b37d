package be.socialeinnovatiefabriek.radicale.vote.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import be.socialeinnovatiefabriek.radicale.vote.address.MailAddress;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.AlreadyCountedMail;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.ConfirmationMail;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.Mail;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A queued mail read back is the mail that was queued, and a job changed in the queue is refused, never mailed. */
class MailJsonTest {

    private static final ConfirmationMail LINK = new ConfirmationMail(new MailAddress("ann.peeters", "xn--bcher-kva.example"),
            "fr", "Radicale Vernieuwers 2026", "Zoë \"Dubois\" & Co", URI.create("https://stem.example.be/api/votes/confirm?token=AbC-1_x"),
            Instant.parse("2026-11-22T11:00:00Z"), true);

    @Test
    void bothKindsOfMailComeBackAsTheyWereQueued() throws Exception {
        AlreadyCountedMail told = new AlreadyCountedMail(new MailAddress("bob", "example.be"), "en", "Radical Renewers", "Papillon");

        for (Mail mail : List.of(LINK, told)) {
            assertEquals(mail, MailJson.read(MailJson.write(mail)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"victim+x <mallory@evil.example>@example.net", "ann@example.be, mallory@evil.example",
        "ann@example.be\r\nBcc: mallory@evil.example", "Ann <ann@example.be>", "ann@[192.0.2.1]", ""})
    void aRecipientThatIsNotOneBareAddressIsRefused(String hostile) {
        String json = MailJson.write(LINK).replace("ann.peeters@xn--bcher-kva.example", hostile.replace("\r\n", "\\r\\n"));

        MailJson.Unreadable refused = assertThrows(MailJson.Unreadable.class, () -> MailJson.read(json));
        assertFalse(refused.getMessage().contains("mallory"), "the message names no address: " + refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "[]", "\"text\"", "{}", "{\"kind\": \"confirmation\", \"to\": \"ann@example.be\"}",
        "{\"kind\": \"unknown\", \"to\": \"ann@example.be\", \"lang\": \"nl\", \"campaignTitle\": \"t\", \"nomineeName\": \"n\"}",
        "{\"kind\": \"confirmation\", \"to\": \"ann@example.be\", \"lang\": \"nl\", \"campaignTitle\": \"t\", "
            + "\"nomineeName\": \"n\", \"link\": \"https://x/?token=1\", \"expires\": \"tomorrow\"}"})
    void aJobThatIsNotAQueuedMailIsRefused(String json) {
        assertThrows(MailJson.Unreadable.class, () -> MailJson.read(json));
    }
}
