package be.socialeinnovatiefabriek.radicale.vote.mail;

import be.socialeinnovatiefabriek.radicale.vote.address.MailAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Sends the counter's mails to voters. SMTP in production; a local outbox under site:run. */
public interface Mailer {

    /** Sends {@code mail}; throws {@link MailFailure} when it could not be handed over. */
    void send(Mail mail) throws MailFailure;

    /**
     * Sends {@code mails} in order and says what became of each, by position: null for a mail handed over, else
     * its failure. A mailer with connections sends them all over one.
     */
    default List<MailFailure> sendAll(List<? extends Mail> mails) {
        List<MailFailure> outcomes = new ArrayList<>(mails.size());
        for (Mail mail : mails) {
            try {
                send(mail);
                outcomes.add(null);
            } catch (MailFailure failure) {
                outcomes.add(failure);
            }
        }
        return outcomes;
    }

    /**
     * A mail to the address a vote was submitted with, in the voter's language. Every valid submission
     * gets one, so the answer to the submitter is the same whether or not the address has voted.
     */
    sealed interface Mail permits ConfirmationMail, AlreadyCountedMail {

        /** The one recipient: the parsed address whose mailbox the vote is counted for. */
        MailAddress to();

        String lang();
    }

    /**
     * The mail that proves an address: in the voter's language, naming the edition and the nominee,
     * with the link that confirms the vote and when that link stops working.
     *
     * @param to          the one recipient: the parsed address whose mailbox the vote is counted for
     * @param expires     when the link stops working
     * @param endsAtClose whether {@code expires} is the edition's close, sooner than {@link #LINK_LIFETIME}
     */
    record ConfirmationMail(MailAddress to, String lang, String campaignTitle, String nomineeName, URI confirmUrl,
                            Instant expires, boolean endsAtClose) implements Mail {

        public ConfirmationMail {
            Objects.requireNonNull(to, "to");
        }

        /** How long a confirmation link lasts, unless voting closes before. */
        public static final Duration LINK_LIFETIME = Duration.ofHours(48);
    }

    /**
     * The mail instead of a link when the address has already voted in the edition (or, with several votes
     * per voter, for this nominee or as often as allowed): nothing was added, the counted vote stays. It
     * names the edition and the nominee of this submission only, never the vote that was counted.
     */
    record AlreadyCountedMail(MailAddress to, String lang, String campaignTitle, String nomineeName) implements Mail {

        public AlreadyCountedMail {
            Objects.requireNonNull(to, "to");
        }
    }

    /**
     * The mail could not be handed over. When {@link #serverUnreachable()}, the mail server could not be reached or
     * refused the session before this mail was offered (a connection, TLS or login failure): the mail itself is
     * not at fault, and the next mail would fail alike.
     */
    final class MailFailure extends Exception {
        private final boolean serverUnreachable;

        public MailFailure(String message, Throwable cause) {
            this(message, cause, false);
        }

        public MailFailure(String message, Throwable cause, boolean serverUnreachable) {
            super(message, cause);
            this.serverUnreachable = serverUnreachable;
        }

        public boolean serverUnreachable() {
            return serverUnreachable;
        }
    }
}
