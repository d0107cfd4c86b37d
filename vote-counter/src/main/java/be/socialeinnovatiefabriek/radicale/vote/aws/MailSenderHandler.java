package be.socialeinnovatiefabriek.radicale.vote.aws;

import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.ConfirmationMail;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.Mail;
import be.socialeinnovatiefabriek.radicale.vote.mail.Mailer.MailFailure;
import be.socialeinnovatiefabriek.radicale.vote.mail.SmtpMailer;
import be.socialeinnovatiefabriek.radicale.vote.queue.FailureReason;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailJson;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailSettings;
import be.socialeinnovatiefabriek.radicale.vote.queue.SendRate;
import be.socialeinnovatiefabriek.radicale.vote.settings.InvalidSettings;
import be.socialeinnovatiefabriek.radicale.vote.settings.Problem;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The mail sender on AWS Lambda: takes batches of the SQS mail queue (an event source mapping with
 * {@code ReportBatchItemFailures}), sends them by SMTP through SES's SMTP endpoint (the same {@link SmtpMailer} as
 * the local server), at most {@code VOTE_MAIL_PER_SECOND}, and answers which records failed (a partial batch
 * failure): Lambda deletes the others. A failed mail is hidden for a back-off that doubles with each receive
 * ({@code ChangeMessageVisibility}); at its last attempt ({@code VOTE_MAIL_MAX_ATTEMPTS}, which is the queue's
 * {@code maxReceiveCount}) it is not failed but moved to the dead-letter queue without its address and link, and
 * deleted. Only a message whose last attempt never finished (the function crashed or timed out) reaches the
 * dead-letter queue whole, by the queue's redrive policy.
 */
public final class MailSenderHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /**
     * Records not started when the function has less than this left (or half its time, if it was given less than
     * twice this) are handed back at once, for another call: a batch over one SMTP connection may take this long.
     */
    static final long TIME_RESERVE_MILLIS = 25_000;

    private static final System.Logger LOG = System.getLogger(MailSenderHandler.class.getName());

    private final Mailer mailer;
    private final MailSettings settings;
    private final Clock clock;
    private final SendRate rate;
    private final SqsClient sqs;
    private final String queueUrl;
    private final String deadLetterQueueUrl;

    /** Lambda's entry point: built once per container from the environment (see {@link #MailSenderHandler(Map)}). */
    public MailSenderHandler() {
        this(System.getenv());
    }

    /**
     * {@code SMTP_*} (SES's SMTP endpoint and SMTP credentials), {@code VOTE_MAIL_*} (the rate, attempts and
     * back-off), {@code VOTE_MAIL_QUEUE_URL} and {@code VOTE_MAIL_DEAD_LETTER_QUEUE_URL}. Every problem at once.
     */
    MailSenderHandler(Map<String, String> env) {
        this(settingsFrom(env), SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build());
    }

    private MailSenderHandler(Configured configured, SqsClient sqs) {
        this(configured.mailer(), configured.settings(), Clock.systemUTC(), sqs, configured.queueUrl(),
                configured.deadLetterQueueUrl());
    }

    MailSenderHandler(Mailer mailer, MailSettings settings, Clock clock, SqsClient sqs, String queueUrl,
                      String deadLetterQueueUrl) {
        this.mailer = mailer;
        this.settings = settings;
        this.clock = clock;
        this.rate = new SendRate(settings.perSecond(), clock);
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
    }

    private record Configured(SmtpMailer mailer, MailSettings settings, String queueUrl, String deadLetterQueueUrl) {
    }

    private static Configured settingsFrom(Map<String, String> env) {
        List<Problem> problems = new ArrayList<>();
        SmtpMailer mailer = null;
        try {
            mailer = SmtpMailer.fromEnvironment(env);
        } catch (InvalidSettings e) {
            problems.addAll(e.problems());
        }
        MailSettings settings = MailSettings.fromEnvironment(env, problems);
        String queue = queueUrl(env, "VOTE_MAIL_QUEUE_URL", problems);
        String deadLetters = queueUrl(env, "VOTE_MAIL_DEAD_LETTER_QUEUE_URL", problems);
        if (!problems.isEmpty()) {
            throw new InvalidSettings(problems);
        }
        return new Configured(mailer, settings, queue, deadLetters);
    }

    /** A queue's URL from {@code name}, or a problem saying what to set. */
    static String queueUrl(Map<String, String> env, String name, List<Problem> problems) {
        String url = env.getOrDefault(name, "").strip();
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            problems.add(new Problem(name, "is not the URL of an SQS queue (got '" + url + "')",
                    "set it to the queue's URL, as template.yaml does"));
        }
        return url;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSMessage> records = event == null || event.getRecords() == null ? List.of() : event.getRecords();
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        long reserve = context == null ? 0 : Math.min(TIME_RESERVE_MILLIS, context.getRemainingTimeInMillis() / 2);
        String unreachable = null;
        int next = 0;
        while (next < records.size()) {
            if (unreachable != null || Thread.currentThread().isInterrupted()
                    || (context != null && context.getRemainingTimeInMillis() < reserve)) {
                // The server cannot be reached, or time runs short: the rest is failed without being tried.
                for (SQSMessage record : records.subList(next, records.size())) {
                    failures.add(unreachable != null ? failed(record, unreachable) : handBack(record));
                }
                break;
            }
            int allowed = rate.takeUpTo(records.size() - next);
            if (allowed == 0) {
                pause(rate.untilNext());
                continue;
            }
            List<SQSMessage> chunk = records.subList(next, next + allowed);
            next += allowed;
            unreachable = send(chunk, failures);
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /** Sends one chunk over one connection; returns the reason when the server could not be reached, else null. */
    private String send(List<SQSMessage> chunk, List<SQSBatchResponse.BatchItemFailure> failures) {
        Instant now = clock.instant();
        List<SQSMessage> sending = new ArrayList<>();
        List<Mail> mails = new ArrayList<>();
        for (SQSMessage record : chunk) {
            try {
                Mail mail = MailJson.read(record.getBody());
                if (mail instanceof ConfirmationMail link && !link.expires().isAfter(now)) {
                    // Its link would only say "expired": the voter votes again instead.
                    bury(record, MailJson.kind(mail), mail.lang(), "the link expired before the mail could be sent",
                            failures);
                    continue;
                }
                sending.add(record);
                mails.add(mail);
            } catch (MailJson.Unreadable e) {
                LOG.log(System.Logger.Level.ERROR, "a queued mail cannot be read (" + e.getMessage() + "), message "
                        + record.getMessageId());
                if (receiveCount(record) >= settings.maxAttempts()) {
                    bury(record, "unreadable", "", e.getMessage(), failures);
                } else {
                    failures.add(failed(record, e.getMessage()));
                }
            }
        }
        List<MailFailure> outcomes = mails.isEmpty() ? List.of() : mailer.sendAll(mails);
        String unreachable = null;
        for (int i = 0; i < sending.size(); i++) {
            MailFailure failure = outcomes.get(i);
            if (failure == null) {
                continue; // Lambda deletes it with the batch
            }
            SQSMessage record = sending.get(i);
            String reason = FailureReason.of(failure.getMessage(), mails.get(i));
            unreachable = failure.serverUnreachable() ? reason : unreachable;
            if (receiveCount(record) >= settings.maxAttempts()) {
                bury(record, MailJson.kind(mails.get(i)), mails.get(i).lang(), reason, failures);
            } else {
                failures.add(failed(record, reason));
            }
        }
        return unreachable;
    }

    /** A failed attempt: logged without the address, hidden for its back-off, and reported as a batch item failure. */
    private SQSBatchResponse.BatchItemFailure failed(SQSMessage record, String reason) {
        int attempt = receiveCount(record);
        Duration wait = settings.delayAfter(attempt);
        LOG.log(System.Logger.Level.WARNING, "a mail to a voter could not be sent (attempt " + attempt + " of "
                + settings.maxAttempts() + "; tried again in " + wait.toSeconds() + " s): " + reason);
        hide(record, wait);
        return item(record);
    }

    /** Not tried: handed back to the queue at once, for another call. */
    private SQSBatchResponse.BatchItemFailure handBack(SQSMessage record) {
        hide(record, Duration.ZERO);
        return item(record);
    }

    /** The last attempt failed: what is left of the mail (no address, no link) goes to the dead-letter queue. */
    private void bury(SQSMessage record, String kind, String lang, String reason,
                      List<SQSBatchResponse.BatchItemFailure> failures) {
        String letter = MailJson.deadLetter(kind, lang, sentAt(record), clock.instant(), receiveCount(record), reason);
        try {
            sqs.sendMessage(send -> send.queueUrl(deadLetterQueueUrl).messageBody(letter));
            LOG.log(System.Logger.Level.ERROR, "a mail to a voter was given up after " + receiveCount(record)
                    + " attempts (a dead letter, in the dead-letter queue): " + reason);
        } catch (RuntimeException e) {
            // Not moved: it stays in the queue, and the queue's redrive policy moves it after this last receive.
            LOG.log(System.Logger.Level.ERROR, "a dead letter could not be written to the dead-letter queue", e);
            failures.add(item(record));
        }
    }

    /** Hides the message for {@code wait} from now; if that fails, it comes back after the queue's own timeout. */
    private void hide(SQSMessage record, Duration wait) {
        try {
            sqs.changeMessageVisibility(change -> change.queueUrl(queueUrl).receiptHandle(record.getReceiptHandle())
                    .visibilityTimeout((int) Math.min(43_200, wait.toSeconds())));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the back-off of a queued mail could not be set: " + e.getMessage());
        }
    }

    private static SQSBatchResponse.BatchItemFailure item(SQSMessage record) {
        return SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(record.getMessageId()).build();
    }

    private static int receiveCount(SQSMessage record) {
        try {
            return Integer.parseInt(record.getAttributes().getOrDefault("ApproximateReceiveCount", "1"));
        } catch (RuntimeException e) {
            return 1;
        }
    }

    private static Instant sentAt(SQSMessage record) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(record.getAttributes().get("SentTimestamp")));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(Math.max(1, Math.min(1000, wait.toMillis())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
