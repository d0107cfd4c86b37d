package be.socialeinnovatiefabriek.radicale.vote.aws;

import be.socialeinnovatiefabriek.radicale.vote.queue.MailQueue;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.Mail;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailJson;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The mail queue on AWS: one SQS message per mail, its body {@link MailJson} (with the address and the link, which
 * live in the queue until the sender function has sent the mail or given up on it). SQS keeps a message durably
 * once SendMessage has answered; the SDK retries a call whose answer was lost, which may queue a mail twice (the
 * voter then gets the same link twice, and it counts once).
 */
public final class SqsMailQueue implements MailQueue {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsMailQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void enqueue(Mail mail) {
        sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(MailJson.write(mail)));
    }
}
