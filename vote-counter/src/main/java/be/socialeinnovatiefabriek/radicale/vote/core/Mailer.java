package be.socialeinnovatiefabriek.radicale.vote.core;

import java.net.URI;

/** Sends the confirmation mail. SMTP in production; a local outbox under site:run. */
public interface Mailer {

    /** Sends {@code mail}; throws {@link MailFailure} when it could not be handed over. */
    void send(ConfirmationMail mail) throws MailFailure;

    /**
     * The mail that proves an address: in the voter's language, naming the edition and the nominee,
     * with the link that confirms the vote.
     */
    record ConfirmationMail(String to, String lang, String campaignTitle, String nomineeName, URI confirmUrl) {
    }

    /** The mail could not be sent; the vote stays pending and the voter may try again. */
    final class MailFailure extends Exception {
        public MailFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
