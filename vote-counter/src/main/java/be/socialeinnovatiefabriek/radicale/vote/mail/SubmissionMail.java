package be.socialeinnovatiefabriek.radicale.vote.mail;

import be.socialeinnovatiefabriek.radicale.vote.address.MailAddress;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.AlreadyCountedMail;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.ConfirmationMail;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.Mail;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * The mail a submission calls for, which the store queues with its pending vote: the link that confirms it, or,
 * when the store finds the address has already voted, that its vote is already counted (and no link).
 *
 * @param confirmUrl  the confirmation link (it carries the token)
 * @param expires     when the link stops working
 * @param endsAtClose whether {@code expires} is the edition's close, sooner than the link's usual lifetime
 */
public record SubmissionMail(MailAddress to, String lang, String campaignTitle, String nomineeName, URI confirmUrl,
                             Instant expires, boolean endsAtClose) {

    public SubmissionMail {
        Objects.requireNonNull(to, "to");
    }

    /** The mail to send: the link, or, when the store found the address has already voted, that it is counted. */
    public Mail mail(boolean alreadyCounted) {
        return alreadyCounted
                ? new AlreadyCountedMail(to, lang, campaignTitle, nomineeName)
                : new ConfirmationMail(to, lang, campaignTitle, nomineeName, confirmUrl, expires, endsAtClose);
    }
}
