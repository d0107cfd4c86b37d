package be.socialeinnovatiefabriek.radicale.vote.queue;

import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.Mail;

/**
 * Where a mail to a voter waits for its sender, outside the store (on AWS: an SQS queue). A store that keeps its
 * pending votes elsewhere hands each vote's mail to one of these once the vote is kept.
 */
public interface MailQueue {

    /** Keeps {@code mail} until it is sent; returns once it is durably queued, throws when it could not be. */
    void enqueue(Mail mail);
}
