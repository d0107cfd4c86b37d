package be.socialeinnovatiefabriek.radicale.vote.voting;

import be.socialeinnovatiefabriek.radicale.vote.ballot.Ballot;
import be.socialeinnovatiefabriek.radicale.vote.settings.CounterSettings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.altcha.altcha.Altcha;
import org.altcha.altcha.Altcha.Algorithm;
import org.altcha.altcha.Altcha.ChallengeOptions;

/**
 * The proof of work an edition without e-mail verification asks for each vote (ALTCHA, SHA-256):
 * {@link #issue} hands out a challenge ({@code GET /api/campaigns/{id}/challenge}) signed with the counter's own key, for that
 * edition and {@link #LIFETIME}; the browser finds the secret number by trying hashes and sends its answer in
 * the vote's {@value #FIELD} field; {@link #verify} checks answer, signature, edition and age. The store then
 * spends it, so one answer counts for one vote.
 */
public final class VoteChallenge {

    /** The vote field that carries the answer (the ALTCHA widget's name for it). */
    public static final String FIELD = "altcha";
    /** How long a challenge may be answered after it was handed out. */
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private static final String ALGORITHM = "SHA-256";
    private static final int MAX_PAYLOAD_LENGTH = 1_000;
    private static final int MAX_SALT_LENGTH = 200;
    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String key;
    private final int maxNumber;
    private final Clock clock;

    public VoteChallenge(CounterSettings settings, Clock clock) {
        this.key = keyFrom(settings.hmacKey());
        this.maxNumber = settings.challengeMaxNumber();
        this.clock = clock;
    }

    /** A challenge as the browser's widget takes it (ALTCHA's names). */
    public record Challenge(String algorithm, String challenge, long maxnumber, String salt, String signature) {
    }

    /** A new challenge for {@code ballot}'s edition, while it is open and asks no e-mail. */
    public Challenge issue(Ballot ballot) throws Refusal {
        Instant now = clock.instant();
        VoteSubmission.openAt(ballot, now);
        if (!"none".equals(ballot.verification())) {
            throw Refusal.of(Refusal.Reason.NO_CHALLENGE, "Edition " + ballot.id() + " confirms votes by e-mail and asks "
                    + "no challenge; vote with your e-mail address.");
        }
        ChallengeOptions options = new ChallengeOptions().setAlgorithm(Algorithm.SHA256).setHmacKey(key)
                .setMaxNumber((long) maxNumber)
                // The library's default number generator is not a secure one: its numbers could be predicted.
                .setSecureRandomNumber(true)
                .setExpires(now.plus(LIFETIME).getEpochSecond())
                .addParam("edition", ballot.id());
        Altcha.Challenge challenge;
        try {
            challenge = Altcha.createChallenge(options);
        } catch (Exception e) { // the library declares Exception; SHA-256 and HmacSHA256 are in every runtime
            throw new IllegalStateException("cannot make a challenge: " + e.getMessage(), e);
        }
        return new Challenge(challenge.algorithm, challenge.challenge, challenge.maxnumber, challenge.salt,
                challenge.signature);
    }

    /** A challenge answered right: its id (the challenge hash, unique per challenge) and when it expires. */
    record Solved(String id, Instant expires) {
    }

    /**
     * Checks the answer {@code payload} (base64 of the JSON the browser sends) for {@code campaign} at {@code now}.
     * Refused when it is missing or malformed (400), wrong, not signed by this counter or for another edition
     * (403 {@code challenge_failed}), or too old (403 {@code challenge_expired}).
     */
    Solved verify(String payload, String campaign, Instant now) throws Refusal {
        if (payload == null || payload.isBlank()) {
            throw Refusal.of(Refusal.Reason.CHALLENGE_MISSING, "This edition asks your browser to do a short calculation "
                    + "before a vote counts, and the vote came without it (the field '" + FIELD + "'). Vote from the "
                    + "edition's voting page with JavaScript turned on.");
        }
        Answer answer = parse(payload.trim());
        Altcha.Challenge expected;
        try {
            expected = Altcha.createChallenge(new ChallengeOptions().setAlgorithm(Algorithm.SHA256).setHmacKey(key)
                    .setSalt(answer.salt()).setNumber(answer.number()));
        } catch (Exception e) { // the library declares Exception; SHA-256 and HmacSHA256 are in every runtime
            throw new IllegalStateException("cannot check a challenge: " + e.getMessage(), e);
        }
        // The library compares with String.equals, whose time tells how much of a forged signature was right.
        if (!sameText(expected.challenge, answer.challenge()) | !sameText(expected.signature, answer.signature())) {
            throw failed("the answer is wrong, or the challenge was not made by this counter");
        }
        Map<String, String> params;
        try {
            params = Altcha.extractParams(answer.salt());
        } catch (Exception e) { // only our own salts reach this line: they were signed above
            throw new IllegalStateException("cannot read a challenge this counter signed: " + e.getMessage(), e);
        }
        if (!campaign.equals(params.get("edition"))) {
            throw failed("the challenge was made for another edition");
        }
        Instant expires = expiry(params.get("expires"));
        if (!now.isBefore(expires)) {
            throw Refusal.of(Refusal.Reason.CHALLENGE_EXPIRED, "The calculation your browser did has expired (it lasts "
                    + LIFETIME.toMinutes() + " minutes); send your vote again and your browser will do a new one.");
        }
        return new Solved(answer.challenge(), expires);
    }

    /** The refusal of an answer that was already used for a vote. */
    static Refusal replayed() {
        return Refusal.of(Refusal.Reason.CHALLENGE_USED, "This calculation was already used for a vote; each vote needs "
                + "its own. Send your vote again and your browser will do a new one.");
    }

    private record Answer(String challenge, long number, String salt, String signature) {
    }

    private static Answer parse(String payload) throws Refusal {
        if (payload.length() > MAX_PAYLOAD_LENGTH) {
            throw malformed("it is longer than " + MAX_PAYLOAD_LENGTH + " characters");
        }
        JsonNode json;
        try {
            json = JSON.readTree(Base64.getDecoder().decode(payload));
        } catch (IllegalArgumentException e) {
            throw malformed("it is not base64");
        } catch (JsonProcessingException e) {
            throw malformed("it is not JSON");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("reading bytes in memory cannot fail", e);
        }
        if (json == null || !json.isObject()) {
            throw malformed("it is not a JSON object");
        }
        JsonNode number = json.path("number");
        String salt = json.path("salt").isTextual() ? json.path("salt").asText() : "";
        if (!ALGORITHM.equals(json.path("algorithm").asText(null)) || !hex64(json.path("challenge"))
                || !hex64(json.path("signature")) || !number.canConvertToInt() || !number.isIntegralNumber()
                || number.asLong() < 0 || salt.isEmpty() || salt.length() > MAX_SALT_LENGTH || !salt.endsWith("&")) {
            throw malformed("it lacks one of algorithm (SHA-256), challenge, number, salt or signature, or one of them "
                    + "has the wrong form");
        }
        return new Answer(json.path("challenge").asText(), number.asLong(), salt, json.path("signature").asText());
    }

    private static boolean hex64(JsonNode node) {
        return node.isTextual() && HEX_64.matcher(node.asText()).matches();
    }

    private static Instant expiry(String epochSeconds) throws Refusal {
        try {
            return Instant.ofEpochSecond(Long.parseLong(epochSeconds));
        } catch (NumberFormatException e) { // also null: a challenge of ours always says when it expires
            throw failed("the challenge does not say when it expires");
        }
    }

    private static Refusal malformed(String why) {
        return Refusal.of(Refusal.Reason.BAD_CHALLENGE, "The field '" + FIELD + "' is not an answer to a challenge ("
                + why + "). Reload the voting page and vote again.");
    }

    private static Refusal failed(String why) {
        return Refusal.of(Refusal.Reason.CHALLENGE_FAILED, "The calculation your browser sent does not hold (" + why
                + "). Reload the voting page and vote again.");
    }

    private static boolean sameText(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** The signing key: derived from VOTE_HMAC_KEY in a domain of its own, so signatures and voter hashes never share a key. */
    private static String keyFrom(String hmacKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hmacKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal("challenge-key".getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
