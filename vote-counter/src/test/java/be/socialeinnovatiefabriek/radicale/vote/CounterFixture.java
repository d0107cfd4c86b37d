package be.socialeinnovatiefabriek.radicale.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.address.DisposableDomains;
import be.socialeinnovatiefabriek.radicale.vote.address.MailboxRules;
import be.socialeinnovatiefabriek.radicale.vote.ballot.BallotDirectory;
import be.socialeinnovatiefabriek.radicale.vote.http.ApiRequest;
import be.socialeinnovatiefabriek.radicale.vote.http.ApiResponse;
import be.socialeinnovatiefabriek.radicale.vote.http.CounterApi;
import be.socialeinnovatiefabriek.radicale.vote.identity.TrustedProxies;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailSender;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailSettings;
import be.socialeinnovatiefabriek.radicale.vote.settings.CounterSettings;
import be.socialeinnovatiefabriek.radicale.vote.store.SqliteVoteStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.altcha.altcha.Altcha;

/**
 * A counter on real parts: ballots in a directory, a SQLite file with its mail queue, a clock the test moves, and
 * a mailer that keeps what it was asked to send. After each request the fixture lets the sender deliver what is
 * due (in the test's thread, so that a test sees the mail when its request returns). Edition 2026 asks for
 * e-mail and shows results after closing; edition 2027 asks for no e-mail (a proof of work instead, kept small:
 * {@value #CHALLENGE_MAX_NUMBER}) and shows results live.
 */
public final class CounterFixture implements AutoCloseable {

    public static final String SITE = "https://radicalevernieuwers.be";
    public static final String COUNTER = "https://stem.radicalevernieuwers.be";
    public static final String ADMIN_TOKEN = "admin-token-0123456789";
    public static final String HMAC_KEY = "0123456789abcdef0123456789abcdef-key";
    public static final Instant OPEN = Instant.parse("2026-11-20T11:00:00Z");
    public static final Instant BEFORE = Instant.parse("2026-10-01T10:00:00Z");
    public static final Instant AFTER = Instant.parse("2026-12-01T10:00:00Z");
    public static final int CHALLENGE_MAX_NUMBER = 1_000;

    public final TestClock clock = new TestClock(OPEN);
    public final RecordingMailer mailer = new RecordingMailer();
    public final SqliteVoteStore store;
    public final MailSender sender;
    public final CounterApi api;
    /** Posts are answered as the local server answers them ({@link CounterApi#handleLater}), not as Lambda does. */
    public boolean answerLater;
    private static final ObjectMapper JSON = new ObjectMapper();

    public CounterFixture(Path directory) throws IOException {
        this(directory, 10, 20, 3);
    }

    public CounterFixture(Path directory, int perMinute, int burst, int perAddressPerHour) throws IOException {
        Path ballots = Files.createDirectories(directory.resolve("ballots"));
        Files.writeString(ballots.resolve("2026.json"), ballot("2026", "email", "after-close"));
        Files.writeString(ballots.resolve("2027.json"), ballot("2027", "none", "live"));
        store = new SqliteVoteStore(directory.resolve("votes.db"));
        // A high rate: the sending rate is not what these tests are about, and the test's clock stands still.
        sender = new MailSender(store.mailJobs(), mailer, new MailSettings(100_000, 8, java.time.Duration.ofSeconds(30),
                java.time.Duration.ofMinutes(15)), clock);
        api = new CounterApi(settings(perMinute, burst, perAddressPerHour), new BallotDirectory(ballots), store, sender,
                clock);
    }

    private static final Pattern LINK_TOKEN = Pattern.compile("/api/votes/confirm\\?token=([A-Za-z0-9_.-]+)");

    /**
     * The token of the confirmation link in a received mail's text part, decoded as a mail client decodes it
     * (whatever its transfer encoding: 7bit, quoted-printable or base64).
     */
    public static String tokenIn(MimeMessage mail) throws IOException, MessagingException {
        String text = (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
        Matcher token = LINK_TOKEN.matcher(text);
        assertTrue(token.find(), () -> "no confirmation link in:\n" + text);
        return token.group(1);
    }

    /** The fixture's settings: these rate limits, the built-in address rules, and the small proof of work. */
    public static CounterSettings settings(int perMinute, int burst, int perAddressPerHour) {
        return new CounterSettings(HMAC_KEY, ADMIN_TOKEN, List.of(SITE), URI.create(COUNTER), perMinute, burst,
                perAddressPerHour, MailboxRules.builtIn(), TrustedProxies.none(), DisposableDomains.bundled(),
                CHALLENGE_MAX_NUMBER);
    }

    public static String ballot(String id, String verification, String results) {
        StringBuilder pages = new StringBuilder();
        for (String lang : List.of("nl", "fr", "en")) {
            pages.append(pages.length() == 0 ? "" : ",").append('"').append(lang).append("\": {");
            String base = SITE + "/" + lang + "/campaigns/" + id + "/";
            pages.append("\"vote\": \"").append(base).append("\", ")
                    .append("\"checkMail\": \"").append(base).append("check-mail/\", ")
                    .append("\"thanks\": \"").append(base).append("thanks/\", ")
                    .append("\"alreadyVoted\": \"").append(base).append("already-voted/\", ")
                    .append("\"closed\": \"").append(base).append("closed/\", ")
                    .append("\"problem\": \"").append(base).append("problem/\", ")
                    .append("\"results\": \"").append(base).append("results/\", ")
                    .append("\"css\": \"").append(SITE).append("/assets/site.css\"}");
        }
        return """
                {"id": "%s", "nominees": ["papillon", "armentekort", "sociale-garage"],
                 "opens": "2026-11-15T09:00+01:00", "closes": "2026-11-30T23:59+01:00",
                 "results": "%s", "verification": "%s", "votesPerVoter": 1, "languages": ["nl", "fr", "en"],
                 "titles": {"nl": "Radicale Vernieuwers %s", "fr": "Radicale Vernieuwers %s (fr)", "en": "Radical Renewers %s"},
                 "names": {"papillon": {"nl": "Papillon", "fr": "Papillon"}, "armentekort": {"nl": "Armentekort"},
                           "sociale-garage": {"nl": "Sociale Garage", "fr": "Garage social"}},
                 "pages": {%s}}
                """.formatted(id, results, verification, id, id, id, pages);
    }

    public static String page(String lang, String key) {
        return SITE + "/" + lang + "/campaigns/2026/" + key + "/";
    }

    public ApiResponse get(String path, Map<String, String> query, Map<String, String> headers) {
        return delivered(api.handle(new ApiRequest("GET", path, query, lower(headers), new byte[0], "192.0.2.1")));
    }

    /** Lets the sender deliver every mail due now, then returns {@code response}. */
    public ApiResponse delivered(ApiResponse response) {
        try {
            while (sender.sendDue() > 0) {
                // the next batch
            }
        } catch (IllegalStateException closed) {
            // A test closed the store: nothing is sent from it any more, as the server's sender would log.
        }
        return response;
    }

    public ApiResponse get(String path) {
        return get(path, Map.of(), Map.of());
    }

    public ApiResponse postJson(String path, String body) {
        return post(path, "application/json", body, Map.of(), "192.0.2.1");
    }

    public ApiResponse postForm(String path, String body) {
        return post(path, "application/x-www-form-urlencoded", body, Map.of(), "192.0.2.1");
    }

    public ApiResponse post(String path, String contentType, String body, Map<String, String> headers, String clientIp) {
        Map<String, String> all = new HashMap<>(lower(headers));
        if (contentType != null) {
            all.put("content-type", contentType);
        }
        ApiRequest request = new ApiRequest("POST", path, Map.of(), all, body.getBytes(StandardCharsets.UTF_8), clientIp);
        return delivered(answerLater ? api.handleLater(request).toCompletableFuture().join() : api.handle(request));
    }

    /** Submits a JSON vote in 2026 and returns the token of the mail it sent. */
    public String submit(String nominee, String email) {
        ApiResponse response = postJson("/api/campaigns/2026/votes",
                "{\"nominee\": \"" + nominee + "\", \"email\": \"" + email + "\", \"lang\": \"fr\"}");
        if (response.status() != 202) {
            throw new AssertionError("submission refused: " + response.status() + " " + text(response));
        }
        return mailer.lastToken();
    }

    /** A challenge of edition {@code campaign} from the counter, solved as a browser would: the vote's altcha field. */
    public String solvedChallenge(String campaign) {
        ApiResponse response = get("/api/campaigns/" + campaign + "/challenge");
        if (response.status() != 200) {
            throw new AssertionError("no challenge: " + response.status() + " " + text(response));
        }
        JsonNode challenge = json(response);
        return answer(challenge, solve(challenge));
    }

    /** The number that solves {@code challenge}, found with the ALTCHA library. */
    public static long solve(JsonNode challenge) {
        try {
            Altcha.Solution solution = Altcha.solveChallenge(challenge.path("challenge").asText(),
                    challenge.path("salt").asText(), Altcha.Algorithm.SHA256, challenge.path("maxnumber").asLong(), 0);
            if (solution == null) {
                throw new AssertionError("no number solves " + challenge);
            }
            return solution.number;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The altcha field a browser sends: base64 of the challenge's JSON with the number found. */
    public static String answer(JsonNode challenge, long number) {
        Map<String, Object> payload = new java.util.LinkedHashMap<>();
        payload.put("algorithm", challenge.path("algorithm").asText());
        payload.put("challenge", challenge.path("challenge").asText());
        payload.put("number", number);
        payload.put("salt", challenge.path("salt").asText());
        payload.put("signature", challenge.path("signature").asText());
        payload.put("took", 12);
        try {
            return java.util.Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(payload));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A JSON vote in 2027 (no e-mail) with a freshly solved challenge, from a new browser. */
    public ApiResponse voteWithoutMail(String nominee) {
        return postJson("/api/campaigns/2027/votes", "{\"nominee\": \"" + nominee + "\", \"altcha\": \""
                + solvedChallenge("2027") + "\"}");
    }

    public JsonNode body(ApiResponse response) {
        return json(response);
    }

    private static JsonNode json(ApiResponse response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text(response), e);
        }
    }

    /** The answer is a JSON refusal: {@code status}, the README's {@code error} code and a sentence to act on. */
    public static void assertRefused(ApiResponse response, int status, String error) {
        assertEquals(status, response.status(), text(response));
        JsonNode body = json(response);
        assertEquals(error, body.path("error").asText(), text(response));
        assertTrue(body.path("message").asText().length() > 20, "a sentence a person can act on: " + text(response));
        assertEquals("application/json; charset=utf-8", response.headers().get("Content-Type"));
    }

    public static String text(ApiResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    public Map<String, Long> tallies(String campaign) {
        Map<String, Long> tallies = new HashMap<>(store.tallies(campaign));
        tallies.values().removeIf(count -> count == 0);
        return tallies;
    }

    private static Map<String, String> lower(Map<String, String> headers) {
        Map<String, String> lower = new HashMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(java.util.Locale.ROOT), value));
        return lower;
    }

    @Override
    public void close() {
        store.close();
    }

    /** Keeps every mail; fails on demand, quoting the recipient and the link as some mail servers do. */
    public static final class RecordingMailer implements Mailer {
        public final List<Mail> sent = new ArrayList<>();
        public final List<Mail> failed = new ArrayList<>();
        public volatile boolean failing;

        @Override
        public synchronized void send(Mail mail) throws MailFailure {
            if (failing) {
                failed.add(mail);
                throw new MailFailure("the SMTP server is down: 451 <" + mail.to().value().toUpperCase(java.util.Locale.ROOT)
                        + "> try later; message with " + (mail instanceof ConfirmationMail link ? link.confirmUrl() : "no link")
                        + " kept", null);
            }
            sent.add(mail);
        }

        public synchronized Mail last() {
            return sent.get(sent.size() - 1);
        }

        /** The newest mail, which must hold a confirmation link. */
        public synchronized ConfirmationMail lastConfirmation() {
            if (last() instanceof ConfirmationMail mail) {
                return mail;
            }
            throw new AssertionError("the newest mail holds no link: " + last());
        }

        public synchronized String lastToken() {
            for (String parameter : lastConfirmation().confirmUrl().getRawQuery().split("&")) {
                if (parameter.startsWith("token=")) {
                    return parameter.substring("token=".length());
                }
            }
            throw new AssertionError("no token in " + lastConfirmation().confirmUrl());
        }
    }
}
