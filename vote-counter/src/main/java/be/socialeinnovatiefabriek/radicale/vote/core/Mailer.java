package be.socialeinnovatiefabriek.radicale.vote.core;

import be.socialeinnovatiefabriek.radicale.vote.address.MailAddress;
import java.net.URI;
import java.util.Objects;
import java.time.Duration;
import java.time.Instant;

/** Sends the confirmation mail. SMTP in production; a local outbox under site:run. */
public interface Mailer {

    /** Sends {@code mail}; throws {@link MailFailure} when it could not be handed over. */
    void send(ConfirmationMail mail) throws MailFailure;

    /**
     * The mail that proves an address: in the voter's language, naming the edition and the nominee,
     * with the link that confirms the vote and when that link stops working.
     *
     * @param to          the one recipient: the parsed address whose mailbox the vote is counted for
     * @param expires     when the link stops working
     * @param endsAtClose whether {@code expires} is the edition's close, sooner than {@link #LINK_LIFETIME}
     */
    record ConfirmationMail(MailAddress to, String lang, String campaignTitle, String nomineeName, URI confirmUrl,
                            Instant expires, boolean endsAtClose) {

        public ConfirmationMail {
            Objects.requireNonNull(to, "to");
        }

        /** How long a confirmation link lasts, unless voting closes before. */
        public static final Duration LINK_LIFETIME = Duration.ofHours(48);
    }

    /** The mail could not be sent; the vote stays pending and the voter may try again. */
    final class MailFailure extends Exception {
        public MailFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
