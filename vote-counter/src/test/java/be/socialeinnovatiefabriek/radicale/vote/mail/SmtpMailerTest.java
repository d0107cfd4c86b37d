package be.socialeinnovatiefabriek.radicale.vote.mail;

import be.socialeinnovatiefabriek.radicale.vote.address.MailAddress;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.AlreadyCountedMail;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.ConfirmationMail;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.MailFailure;
import be.socialeinnovatiefabriek.radicale.vote.settings.InvalidSettings;
import be.socialeinnovatiefabriek.radicale.vote.settings.Problem;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The counter's mails as a real SMTP server (GreenMail on a free loopback port) receives them. */
class SmtpMailerTest extends MailerContract {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final MailAddress ANN = new MailAddress("ann.peeters", "example.org");
    private static final URI LINK = URI.create("https://stem.example.org/api/votes/confirm?token=AbC-123_xyz");
    private static final String NOMINEE = "Zoë Dubois-Lefèvre & Co";
    private static final Instant SENT = Instant.parse("2026-11-20T11:00:00Z");
    private static final Instant IN_48_HOURS = SENT.plus(ConfirmationMail.LINK_LIFETIME);
    // Voting closes at 23:59 in Brussels (UTC+1 in November).
    private static final Instant CLOSE = Instant.parse("2026-11-30T22:59:00Z");

    @Override
    protected SmtpMailer mailer() {
        return mailer(SMTP.getSmtp().getPort());
    }

    /** What the server received: the To header, the subject, Content-Language and the first address in the text. */
    @Override
    protected List<Delivered> delivered() throws Exception {
        List<Delivered> delivered = new ArrayList<>();
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            Matcher link = Pattern.compile("https?://\\S+").matcher(textOf(message));
            delivered.add(new Delivered(message.getHeader("To", ","), message.getSubject(),
                    message.getHeader("Content-Language", null), link.find() ? link.group() : null));
        }
        return delivered;
    }

    private static SmtpMailer mailer(int port) {
        return SmtpMailer.fromEnvironment(Map.of(
                "SMTP_HOST", "127.0.0.1",
                "SMTP_PORT", Integer.toString(port),
                "SMTP_FROM", "Radicale Vernieuwers <stemmen@radicalevernieuwers.be>"));
    }

    private static ConfirmationMail mail(String lang) {
        return new ConfirmationMail(ANN, lang, "Radicale Vernieuwers 2026", NOMINEE, LINK,
                IN_48_HOURS, false);
    }

    private static String textOf(MimeMessage message) throws Exception {
        // Mail travels with CRLF line ends.
        return ((String) ((MimeMultipart) message.getContent()).getBodyPart(0).getContent()).replace("\r\n", "\n");
    }

    private static String htmlOf(MimeMessage message) throws Exception {
        return (String) ((MimeMultipart) message.getContent()).getBodyPart(1).getContent();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nl | Bevestig je stem voor Radicale Vernieuwers 2026 | Je stemde op Zoë Dubois-Lefèvre & Co bij",
            "fr | Confirmez votre vote pour Radicale Vernieuwers 2026 | Vous avez voté pour Zoë Dubois-Lefèvre & Co dans",
            "en | Confirm your vote in Radicale Vernieuwers 2026 | You voted for Zoë Dubois-Lefèvre & Co in"})
    void sendsTheMailInTheVotersLanguage(String lang, String subject, String sentence) throws Exception {
        mailer().send(mail(lang));

        MimeMessage received = onlyMessage();
        MimeMultipart parts = (MimeMultipart) received.getContent();
        BodyPart text = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        // Mail travels with CRLF line ends.
        String textBody = ((String) text.getContent()).replace("\r\n", "\n");
        String htmlBody = (String) html.getContent();
        assertAll(
                () -> assertEquals("ann.peeters@example.org",
                        received.getRecipients(Message.RecipientType.TO)[0].toString()),
                () -> assertEquals(subject, received.getSubject()),
                () -> assertTrue(received.getContentType().startsWith("multipart/alternative"), received.getContentType()),
                () -> assertEquals(lang, received.getHeader("Content-Language", null)),
                () -> assertEquals("auto-generated", received.getHeader("Auto-Submitted", null)),
                () -> assertTrue(received.getMessageID().endsWith("@radicalevernieuwers.be>"), received.getMessageID()),
                () -> assertTrue(text.isMimeType("text/plain"), text.getContentType()),
                () -> assertTrue(text.getContentType().toLowerCase().contains("charset=utf-8"), text.getContentType()),
                () -> assertTrue(html.isMimeType("text/html"), html.getContentType()),
                () -> assertTrue(textBody.contains(sentence), textBody),
                () -> assertTrue(textBody.contains("\n" + LINK + "\n"), textBody),
                () -> assertTrue(textBody.contains("48"), textBody),
                () -> assertTrue(htmlBody.contains("<html lang=\"" + lang + "\">"), htmlBody),
                () -> assertTrue(htmlBody.contains("<a href=\"" + LINK + "\">"), htmlBody),
                () -> assertTrue(htmlBody.contains("<strong>Zoë Dubois-Lefèvre &amp; Co</strong>"), htmlBody),
                () -> assertFalse(htmlBody.contains("<img"), htmlBody),
                () -> assertEquals(1, htmlBody.split("href=", -1).length - 1, "one link only: " + htmlBody));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nl | De link blijft 48 uur geldig.",
            "fr | Ce lien reste valable 48 heures.",
            "en | The link is valid for 48 hours."})
    void saysTheLinkLasts48HoursWhenVotingClosesLater(String lang, String sentence) throws Exception {
        mailer().send(mail(lang));

        MimeMessage received = onlyMessage();
        assertTrue(textOf(received).contains(sentence), textOf(received));
        assertTrue(htmlOf(received).contains("<p>" + sentence + " "), htmlOf(received));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nl | De link blijft geldig tot 30 november 2026 om 23:59 (Belgische tijd), wanneer de stemming sluit.",
            "fr | Ce lien reste valable jusqu'au 30 novembre 2026 à 23 h 59 (heure belge), à la clôture du vote.",
            "en | The link is valid until 30 November 2026 at 23:59 (Belgian time), when voting closes."})
    void aVoteAnHourBeforeTheCloseIsToldTheLinkLastsUntilTheCloseInBrusselsTime(String lang, String sentence)
            throws Exception {
        // What the counter mails for a vote an hour before the close: the link ends with voting.
        mailer().send(new ConfirmationMail(ANN, lang, "Radicale Vernieuwers 2026", NOMINEE, LINK,
                CLOSE, true));

        MimeMessage received = onlyMessage();
        String text = textOf(received);
        String html = htmlOf(received);
        assertAll(
                () -> assertTrue(text.contains("\n" + sentence + " "), text),
                () -> assertTrue(html.contains("<p>" + sentence.replace("'", "&#39;") + " "), html),
                () -> assertFalse(text.contains("48"), text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "nl | Je stem voor Radicale Vernieuwers 2026 is al geteld | Met dit e-mailadres werd net een stem op Zoë Dubois-Lefèvre & Co bij Radicale Vernieuwers 2026 uitgebracht. Dit adres heeft bij deze editie al gestemd",
            "fr | Votre vote pour Radicale Vernieuwers 2026 est déjà compté | Un vote pour Zoë Dubois-Lefèvre & Co dans le cadre de Radicale Vernieuwers 2026 vient d'être envoyé avec cette adresse e-mail. Cette adresse a déjà voté",
            "en | Your vote in Radicale Vernieuwers 2026 is already counted | A vote for Zoë Dubois-Lefèvre & Co in Radicale Vernieuwers 2026 was just submitted with this e-mail address. This address has already voted"})
    void tellsAnAddressThatVotedThatItsVoteIsAlreadyCountedInItsLanguageWithoutALink(String lang, String subject,
                                                                                   String sentence) throws Exception {
        mailer().send(new AlreadyCountedMail(ANN, lang, "Radicale Vernieuwers 2026", NOMINEE));

        MimeMessage received = onlyMessage();
        String text = textOf(received);
        String html = htmlOf(received);
        assertAll(
                () -> assertEquals("ann.peeters@example.org", received.getRecipients(Message.RecipientType.TO)[0].toString()),
                () -> assertEquals(subject, received.getSubject()),
                () -> assertEquals(lang, received.getHeader("Content-Language", null)),
                () -> assertEquals("auto-generated", received.getHeader("Auto-Submitted", null)),
                () -> assertTrue(text.contains(sentence), text),
                () -> assertTrue(html.contains("<html lang=\"" + lang + "\">"), html),
                () -> assertTrue(html.contains("<strong>Zoë Dubois-Lefèvre &amp; Co</strong>"), html),
                () -> assertFalse(text.contains("http") || html.contains("href=") || html.contains("<img"), "no link: " + html));
    }

    @Test
    void escapesAHostileNomineeInTheAlreadyCountedMail() throws Exception {
        mailer().send(new AlreadyCountedMail(ANN, "en", "RV 2026\r\nBcc: x@example.org",
                "<a href=\"https://phish.example/\">{link}</a>"));

        MimeMessage received = onlyMessage();
        String html = htmlOf(received);
        assertAll(
                () -> assertEquals("Your vote in RV 2026 Bcc: x@example.org is already counted", received.getSubject()),
                () -> assertNull(received.getRecipients(Message.RecipientType.BCC)),
                () -> assertFalse(html.contains("<a "), html),
                () -> assertTrue(html.contains("&lt;a href=&quot;https://phish.example/&quot;&gt;{link}&lt;/a&gt;"), html));
    }

    @Test
    void fallsBackToDutchForALanguageWithoutTemplates() throws Exception {
        mailer().send(mail("de"));

        assertEquals("Bevestig je stem voor Radicale Vernieuwers 2026", onlyMessage().getSubject());
    }

    @Test
    void keepsFrenchAccentsAndPunctuationIntact() throws Exception {
        mailer().send(mail("fr-BE"));

        MimeMessage received = onlyMessage();
        String text = (String) ((MimeMultipart) received.getContent()).getBodyPart(0).getContent();
        assertTrue(text.contains("Vous n'avez pas voté\u00a0? Vous n'avez rien à faire\u00a0:"), text);
        assertTrue(text.contains("Zoë Dubois-Lefèvre"), text);
    }

    @Test
    void escapesAHostileNomineeInTheHtmlPart() throws Exception {
        ConfirmationMail hostile = new ConfirmationMail(ANN, "en", "RV <2026>",
                "<img src=\"https://tracker.example/x.gif\">{link}", LINK, IN_48_HOURS, false);

        mailer().send(hostile);

        MimeMultipart parts = (MimeMultipart) onlyMessage().getContent();
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertAll(
                () -> assertFalse(html.contains("<img"), html),
                () -> assertTrue(html.contains("&lt;img src=&quot;https://tracker.example/x.gif&quot;&gt;{link}"), html),
                () -> assertTrue(html.contains("RV &lt;2026&gt;"), html),
                // the name's "{link}" stays text: the link appears where the template puts it, no more
                () -> assertEquals(1, text.split(java.util.regex.Pattern.quote(LINK.toString()), -1).length - 1, text));
    }

    @Test
    void keepsALineBreakInANameOutOfTheSubject() throws Exception {
        mailer().send(new ConfirmationMail(ANN, "en", "RV 2026\r\nBcc: x@example.org", NOMINEE, LINK,
                IN_48_HOURS, false));

        MimeMessage received = onlyMessage();
        assertEquals("Confirm your vote in RV 2026 Bcc: x@example.org", received.getSubject());
        assertNull(received.getRecipients(Message.RecipientType.BCC));
    }

    @Test
    void logsInWhenAUserIsSet() throws Exception {
        SMTP.setUser("stemmen@radicalevernieuwers.be", "mailer", "s3cret");
        Map<String, String> env = new HashMap<>(Map.of(
                "SMTP_HOST", "127.0.0.1",
                "SMTP_PORT", Integer.toString(SMTP.getSmtp().getPort()),
                "SMTP_FROM", "stemmen@radicalevernieuwers.be",
                "SMTP_USER", "mailer",
                "SMTP_PASSWORD", "s3cret"));

        SmtpMailer.fromEnvironment(env).send(mail("nl"));

        assertEquals(1, SMTP.getReceivedMessages().length);
    }

    @Test
    void aBatchGoesOverOneConnectionAndARefusedRecipientFailsAlone() throws Exception {
        try (SmtpSink sink = new SmtpSink()) {
            sink.refuse(recipient -> recipient.startsWith("bounce"), "550 5.1.1 <bounce@example.org>: no such user");
            List<ConfirmationMail> batch = List.of(
                    new ConfirmationMail(new MailAddress("ann", "example.org"), "nl", "RV 2026", NOMINEE, LINK, IN_48_HOURS, false),
                    new ConfirmationMail(new MailAddress("bounce", "example.org"), "fr", "RV 2026", NOMINEE, LINK, IN_48_HOURS, false),
                    new ConfirmationMail(new MailAddress("bob", "example.org"), "en", "RV 2026", NOMINEE, LINK, IN_48_HOURS, false));

            List<MailFailure> outcomes = mailer(sink.port()).sendAll(batch);

            assertNull(outcomes.get(0));
            assertNull(outcomes.get(2), "the mail after a refused one goes out");
            MailFailure refused = outcomes.get(1);
            assertFalse(refused.serverUnreachable(), "the server was there; it refused this mail");
            assertTrue(refused.getMessage().contains("550 5.1.1"), refused.getMessage());
            assertFalse(refused.getMessage().contains("bounce@example.org"), refused.getMessage());
            assertEquals(2, sink.mails());
            assertEquals(1, sink.connections(), "one connection, greeting and login for the batch");
        }
    }

    @Test
    void aServerThatCannotBeReachedOrRefusesTheLoginFailsEveryMailAsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SMTP.setUser("stemmen@radicalevernieuwers.be", "mailer", "s3cret");
        SmtpMailer wrongPassword = SmtpMailer.fromEnvironment(Map.of("SMTP_HOST", "127.0.0.1",
                "SMTP_PORT", Integer.toString(SMTP.getSmtp().getPort()), "SMTP_FROM", "stemmen@radicalevernieuwers.be",
                "SMTP_USER", "mailer", "SMTP_PASSWORD", "wrong"));

        for (SmtpMailer mailer : List.of(mailer(closedPort), wrongPassword)) {
            List<MailFailure> outcomes = mailer.sendAll(List.of(mail("nl"), mail("fr")));

            assertEquals(2, outcomes.size());
            assertTrue(outcomes.stream().allMatch(failure -> failure != null && failure.serverUnreachable()), outcomes.toString());
        }
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    @Test
    void aStoppedServerIsAMailFailure() {
        SmtpMailer mailer = mailer();
        SMTP.stop();

        MailFailure failure = assertThrows(MailFailure.class, () -> mailer.send(mail("nl")));

        assertFalse(failure.getMessage().contains("ann.peeters"), failure.getMessage());
        assertTrue(failure.getMessage().contains("127.0.0.1:"), failure.getMessage());
    }

    @Test
    void aPortWithoutServerIsAMailFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        MailFailure failure = assertThrows(MailFailure.class, () -> mailer(closedPort).send(mail("fr")));

        assertTrue(failure.getMessage().contains("could not be handed to the SMTP server 127.0.0.1:" + closedPort),
                failure.getMessage());
        assertFalse(failure.getMessage().contains("ann.peeters"), failure.getMessage());
    }

    @Test
    void theMailGoesToTheParsedAddressAndNoOtherInTheEnvelopeAndTheHeader() throws Exception {
        MailAddress typed = MailAddress.parse("Ann.Peeters+stem@B\u00fccher.example");

        mailer().send(new ConfirmationMail(typed, "en", "RV 2026", NOMINEE, LINK, IN_48_HOURS, false));

        MimeMessage received = onlyMessage();
        assertEquals(List.of("Ann.Peeters+stem@xn--bcher-kva.example"),
                Arrays.stream(received.getAllRecipients()).map(Object::toString).toList());
        assertEquals("Ann.Peeters+stem@xn--bcher-kva.example", received.getHeader("To", ","));
        // GreenMail keeps a mailbox for each envelope recipient (RCPT TO) it was given.
        assertEquals(List.of("ann.peeters+stem@xn--bcher-kva.example"), SMTP.getUserManager().listUser().stream()
                .map(user -> user.getEmail().toLowerCase(Locale.ROOT)).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"victim+x <mallory@evil.example>@example.net", "Mallory <mallory@evil.example>",
        "ann@example.org, mallory@evil.example", "friends: mallory@evil.example;", "ann(mallory@evil.example)@example.org",
        "ann@example.org\r\nBcc: mallory@evil.example", "mallory@evil.example ann@example.org", ""})
    void aRecipientIsOnlyEverOneBareAddress(String hostile) {
        // What stands between a wrong value and a mail elsewhere, should one ever get past MailAddress.
        assertThrows(AddressException.class, () -> SmtpMailer.recipient(hostile));
    }

    @Test
    void aRecipientIsTheAddressItself() throws Exception {
        InternetAddress recipient = SmtpMailer.recipient("o'neil+x@example.org");

        assertEquals("o'neil+x@example.org", recipient.getAddress());
        assertNull(recipient.getPersonal());
    }

    @Test
    void listsEveryProblemWithTheSettings() {
        InvalidSettings e = assertThrows(InvalidSettings.class, () -> SmtpMailer.fromEnvironment(Map.of(
                "SMTP_PORT", "smtp",
                "SMTP_USER", "mailer",
                "SMTP_STARTTLS", "yes",
                "SMTP_FROM", "not an address")));

        List<String> problems = e.problems().stream().map(Problem::toString).toList();
        assertAll(
                () -> assertEquals(5, problems.size(), e.getMessage()),
                () -> assertEquals("SMTP_PORT: is not a port number (got \"smtp\"); use a number from 1 to 65535, usually 587",
                        problems.get(0)),
                () -> assertTrue(problems.get(1).startsWith("SMTP_STARTTLS: must be true or false (got \"yes\"); "), problems.get(1)),
                () -> assertTrue(problems.get(2).startsWith("SMTP_HOST: is missing; "), problems.get(2)),
                () -> assertEquals("SMTP_USER: is set but SMTP_PASSWORD is not; set both to log in, or neither", problems.get(3)),
                () -> assertTrue(problems.get(4).startsWith("SMTP_FROM: is not a mail address (got \"not an address\"); "),
                        problems.get(4)));
    }

    @Test
    void namesAPortOutOfRangeOnce() {
        InvalidSettings e = assertThrows(InvalidSettings.class, () -> SmtpMailer.fromEnvironment(Map.of(
                "SMTP_HOST", "smtp.example.org", "SMTP_PORT", "70000", "SMTP_FROM", "a@example.org")));

        assertEquals(List.of(new Problem("SMTP_PORT", "is not a port number (got 70000)",
                "use a number from 1 to 65535, usually 587")), e.problems());
    }

    @Test
    void saysWhatIsMissingFromAnEmptyEnvironment() {
        InvalidSettings e = assertThrows(InvalidSettings.class, () -> SmtpMailer.fromEnvironment(Map.of()));

        assertEquals(List.of("SMTP_HOST", "SMTP_FROM"), e.problems().stream().map(Problem::where).toList(), e.getMessage());
        assertTrue(e.getMessage().startsWith("2 problems in the vote counter's settings: (1) SMTP_HOST: is missing; "),
                e.getMessage());
    }

    @Test
    void neverShowsThePassword() {
        InvalidSettings e = assertThrows(InvalidSettings.class, () -> SmtpMailer.fromEnvironment(Map.of(
                "SMTP_HOST", "smtp.example.org", "SMTP_PASSWORD", "hunter2", "SMTP_FROM", "a@example.org")));

        assertTrue(e.getMessage().contains("SMTP_PASSWORD: is set but SMTP_USER is not"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        SmtpMailer.Settings settings = new SmtpMailer.Settings("smtp.example.org", 587, "u", "hunter2", "a@example.org", true);
        assertFalse(settings.toString().contains("hunter2"), settings.toString());
    }

    @Test
    void usesStartTlsOnPort587UnlessToldOtherwise() {
        Map<String, String> env = new HashMap<>(Map.of("SMTP_HOST", "smtp.example.org", "SMTP_FROM", "a@example.org"));
        SmtpMailer.Settings submission = SmtpMailer.Settings.fromEnvironment(env);
        env.put("SMTP_PORT", "25");
        SmtpMailer.Settings relay = SmtpMailer.Settings.fromEnvironment(env);
        env.put("SMTP_STARTTLS", "true");
        SmtpMailer.Settings relayWithTls = SmtpMailer.Settings.fromEnvironment(env);

        assertArrayEquals(new boolean[] {true, false, true},
                new boolean[] {submission.startTls(), relay.startTls(), relayWithTls.startTls()});
        assertEquals(587, submission.port());
        assertEquals("10000", submission.sessionProperties().getProperty("mail.smtp.connectiontimeout"));
        assertEquals("10000", submission.sessionProperties().getProperty("mail.smtp.timeout"));
        assertEquals("true", submission.sessionProperties().getProperty("mail.smtp.starttls.required"));
    }

    private static MimeMessage onlyMessage() {
        assertTrue(SMTP.waitForIncomingEmail(5_000, 1), "no mail arrived");
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertEquals(1, received.length, () -> Arrays.toString(received));
        return received[0];
    }
}
