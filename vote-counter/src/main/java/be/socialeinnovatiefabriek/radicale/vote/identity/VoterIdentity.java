package be.socialeinnovatiefabriek.radicale.vote.identity;

import be.socialeinnovatiefabriek.radicale.vote.address.MailAddress;
import be.socialeinnovatiefabriek.radicale.vote.address.MailboxRules;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns what identifies a voter (an address, a browser token) or a client (an IP) into a keyed hash,
 * so that no store and no log ever holds the value itself. Each kind is hashed in its own domain.
 */
public final class VoterIdentity {

    private final SecretKeySpec key;
    private final MailboxRules mailboxes;

    /** Hashes under {@code hmacKey}; addresses count as one voter per mailbox by {@code mailboxes}. */
    public VoterIdentity(String hmacKey, MailboxRules mailboxes) {
        this.key = new SecretKeySpec(hmacKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.mailboxes = mailboxes;
    }

    /** The voter key of an address: the hash of the mailbox it reaches, so every spelling of it is one voter. */
    public String ofAddress(MailAddress address) {
        return hmac("address:" + mailboxes.mailbox(address));
    }

    /** The voter key of a browser token (the {@code voter} cookie, for verification none). */
    public String ofBrowser(String browserToken) {
        return hmac("browser:" + browserToken);
    }

    /** The rate-limit key of a client IP. */
    public String ofClient(String clientIp) {
        return hmac("client:" + clientIp);
    }

    private String hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
