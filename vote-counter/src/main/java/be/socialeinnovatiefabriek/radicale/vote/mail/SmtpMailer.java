package be.socialeinnovatiefabriek.radicale.vote.mail;

import be.socialeinnovatiefabriek.radicale.vote.settings.InvalidSettings;
import be.socialeinnovatiefabriek.radicale.vote.settings.Problem;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Sends the counter's mails over SMTP (Jakarta Mail): UTF-8, a plain-text and an HTML part in the
 * voter's language, no images and no link but the confirmation link (the "already counted" mail has none). The address goes to the SMTP
 * server and nowhere else: it is never logged and never part of an error message.
 */
public final class SmtpMailer implements Mailer {

    /** How long to wait for the server to accept a connection, and for each answer. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final Settings settings;
    private final InternetAddress from;
    private final Session session;
    private final MailTemplates templates = MailTemplates.load();

    public SmtpMailer(Settings settings) {
        this.settings = settings;
        this.from = settings.fromAddress();
        this.session = Session.getInstance(settings.sessionProperties());
    }

    /**
     * The mailer configured by {@code SMTP_HOST}, {@code SMTP_PORT} (default 587), {@code SMTP_USER} and
     * {@code SMTP_PASSWORD} (both or neither), {@code SMTP_FROM} and {@code SMTP_STARTTLS} (default true on
     * port 587, else false).
     *
     * @throws InvalidSettings naming every variable that is missing or wrong
     */
    public static SmtpMailer fromEnvironment(Map<String, String> env) {
        return new SmtpMailer(Settings.fromEnvironment(env));
    }

    @Override
    public void send(Mail mail) throws MailFailure {
        MailFailure failure = sendAll(List.of(mail)).get(0);
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Sends {@code mails} over one SMTP connection (one connection, greeting, STARTTLS and login for the lot). A
     * failure to connect, or to reconnect after the server dropped the connection, fails the mails left with
     * {@link MailFailure#serverUnreachable()}; a mail the server refuses fails alone, and the next goes on.
     */
    @Override
    public List<MailFailure> sendAll(List<? extends Mail> mails) {
        List<MailFailure> outcomes = new ArrayList<>(mails.size());
        Transport transport = null;
        try {
            for (Mail mail : mails) {
                String to = mail.to().value();
                if (transport == null || !transport.isConnected()) {
                    close(transport);
                    try {
                        transport = session.getTransport("smtp");
                        transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
                    } catch (MessagingException e) {
                        MailFailure unreachable = failure(e, to, true);
                        while (outcomes.size() < mails.size()) {
                            outcomes.add(unreachable);
                        }
                        return outcomes;
                    }
                }
                try {
                    InternetAddress recipient = recipient(to);
                    MimeMessage message = message(mail, recipient);
                    // The envelope names the recipient itself, not whatever the To header reads back as.
                    transport.sendMessage(message, new Address[] {recipient});
                    outcomes.add(null);
                } catch (MessagingException e) {
                    outcomes.add(failure(e, to, false));
                }
            }
            return outcomes;
        } finally {
            close(transport);
        }
    }

    private MimeMessage message(Mail mail, InternetAddress recipient) throws MessagingException {
        RenderedMail content = templates.render(mail);
        MimeMessage message = new ConfirmationMimeMessage(session, domainOf(from));
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, recipient);
        message.setSubject(content.subject(), UTF_8);
        message.setSentDate(new Date());
        message.setHeader("Content-Language", content.lang());
        // RFC 3834: out-of-office replies and autoresponders stay quiet.
        message.setHeader("Auto-Submitted", "auto-generated");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(content.text(), UTF_8, "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(content.html(), UTF_8, "html");
        message.setContent(new MimeMultipart("alternative", text, html));
        message.saveChanges();
        return message;
    }

    private static void close(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                // The mails are sent or failed already; a failed QUIT changes nothing.
            }
        }
    }

    /**
     * The one recipient of a mail to {@code address}. Read by Jakarta Mail's own strict parser, it must come
     * out as exactly one bare address equal to {@code address}, with no name and no group: a mail never goes
     * to another mailbox than the one that was hashed, even if a wrong value got this far.
     */
    static InternetAddress recipient(String address) throws AddressException {
        InternetAddress[] parsed = InternetAddress.parse(address, true);
        if (parsed.length != 1 || parsed[0].isGroup() || parsed[0].getPersonal() != null
                || !address.equals(parsed[0].getAddress())) {
            throw new AddressException("not one bare address");
        }
        parsed[0].validate();
        return parsed[0];
    }

    // The server's answer may quote the address ("550 <ann@example.org>: no such user"): say it without.
    private MailFailure failure(MessagingException e, String to, boolean serverUnreachable) {
        String server = settings.host() + ":" + settings.port();
        String reason = e instanceof AddressException
                ? "the recipient is not a valid mail address"
                : scrub(serverWords(e), to);
        String message = "The mail to a voter could not be handed to the SMTP server " + server + " (" + reason
                + ")";
        return new MailFailure(message, mentions(e, to) ? null : e, serverUnreachable);
    }

    /**
     * The failure's message and those it chains to: Jakarta Mail says "Invalid Addresses" and chains the server's
     * own answer ("451 4.2.0 mailbox busy"), which is what tells the organisers why.
     */
    private static String serverWords(MessagingException e) {
        StringBuilder words = new StringBuilder(String.valueOf(e.getMessage()));
        Exception next = e.getNextException();
        for (int depth = 0; next != null && depth < 5; depth++) {
            words.append(": ").append(next.getMessage());
            next = next instanceof MessagingException chained ? chained.getNextException() : null;
        }
        return words.toString();
    }

    private static boolean mentions(Throwable e, String to) {
        if (to == null || to.isBlank()) {
            return false;
        }
        String needle = to.strip().toLowerCase(Locale.ROOT);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t).toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
            if (t instanceof AddressException) {
                return true;
            }
        }
        return false;
    }

    private static String scrub(String text, String to) {
        if (text == null) {
            return "no reason given";
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        if (to == null || to.isBlank()) {
            return oneLine;
        }
        return Pattern.compile(Pattern.quote(to.strip()), Pattern.CASE_INSENSITIVE).matcher(oneLine)
                .replaceAll("[recipient]");
    }

    private static String domainOf(InternetAddress address) {
        String a = address.getAddress();
        return a.substring(a.lastIndexOf('@') + 1);
    }

    /** A message whose Message-ID names the sender's domain rather than this machine's host name. */
    private static final class ConfirmationMimeMessage extends MimeMessage {
        private final String domain;

        ConfirmationMimeMessage(Session session, String domain) {
            super(session);
            this.domain = domain;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + domain + ">");
        }
    }

    /**
     * The SMTP connection, validated once.
     *
     * @param host     the SMTP server
     * @param port     its port (587: submission with STARTTLS)
     * @param user     the login, or null to send without authentication
     * @param password the password, null exactly when {@code user} is
     * @param from     the sender, an address with an optional name ({@code Radicale Vernieuwers <stem@example.org>})
     * @param startTls whether to require STARTTLS before anything else is said
     */
    public record Settings(String host, int port, String user, String password, String from, boolean startTls) {

        public static final int DEFAULT_PORT = 587;

        /** Checks every value and reports every problem at once ({@link InvalidSettings}). */
        public Settings {
            List<Problem> problems = problems(host, port, user, password, from);
            if (!problems.isEmpty()) {
                throw new InvalidSettings(problems);
            }
        }

        /** Reads the {@code SMTP_*} variables; blank values count as unset. */
        public static Settings fromEnvironment(Map<String, String> env) {
            List<Problem> problems = new ArrayList<>();
            String host = value(env, "SMTP_HOST");
            String portText = value(env, "SMTP_PORT");
            int port = DEFAULT_PORT;
            if (portText != null) {
                // The range is checked with the other values, below.
                try {
                    port = Integer.parseInt(portText);
                } catch (NumberFormatException e) {
                    problems.add(new Problem("SMTP_PORT", "is not a port number (got \"" + portText + "\")",
                            "use a number from 1 to 65535, usually 587"));
                }
            }
            String startTlsText = value(env, "SMTP_STARTTLS");
            boolean startTls = port == DEFAULT_PORT;
            if (startTlsText != null) {
                if (startTlsText.equalsIgnoreCase("true") || startTlsText.equalsIgnoreCase("false")) {
                    startTls = Boolean.parseBoolean(startTlsText);
                } else {
                    problems.add(new Problem("SMTP_STARTTLS", "must be true or false (got \"" + startTlsText + "\")",
                            "leave it out to use STARTTLS on port 587 only"));
                }
            }
            String user = value(env, "SMTP_USER");
            String password = value(env, "SMTP_PASSWORD");
            String from = value(env, "SMTP_FROM");
            if (!problems.isEmpty()) {
                problems.addAll(problems(host, port, user, password, from));
                throw new InvalidSettings(problems);
            }
            // The constructor checks the rest.
            return new Settings(host, port, user, password, from, startTls);
        }

        /** Never shows the password. */
        @Override
        public String toString() {
            return "Settings[host=" + host + ", port=" + port + ", user=" + user
                    + ", password=" + (password == null ? "none" : "***") + ", from=" + from + ", startTls=" + startTls + "]";
        }

        InternetAddress fromAddress() {
            try {
                return new InternetAddress(from, true);
            } catch (AddressException e) {
                throw new IllegalStateException("checked in the constructor", e);
            }
        }

        Properties sessionProperties() {
            String timeout = Long.toString(TIMEOUT.toMillis());
            Properties p = new Properties();
            p.setProperty("mail.transport.protocol", "smtp");
            p.setProperty("mail.smtp.host", host);
            p.setProperty("mail.smtp.port", Integer.toString(port));
            p.setProperty("mail.smtp.connectiontimeout", timeout);
            p.setProperty("mail.smtp.timeout", timeout);
            p.setProperty("mail.smtp.writetimeout", timeout);
            p.setProperty("mail.smtp.from", fromAddress().getAddress());
            p.setProperty("mail.smtp.auth", Boolean.toString(user != null));
            // Required, not just tried: credentials and addresses never cross the network in clear.
            p.setProperty("mail.smtp.starttls.enable", Boolean.toString(startTls));
            p.setProperty("mail.smtp.starttls.required", Boolean.toString(startTls));
            p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            return p;
        }

        private static List<Problem> problems(String host, int port, String user, String password, String from) {
            List<Problem> problems = new ArrayList<>();
            if (host == null || host.isBlank()) {
                problems.add(new Problem("SMTP_HOST", "is missing", "set it to the SMTP server's host name, e.g. smtp.example.org"));
            }
            if (port < 1 || port > 65535) {
                problems.add(new Problem("SMTP_PORT", "is not a port number (got " + port + ")",
                        "use a number from 1 to 65535, usually 587"));
            }
            if (user != null && password == null) {
                problems.add(new Problem("SMTP_USER", "is set but SMTP_PASSWORD is not", "set both to log in, or neither"));
            }
            if (user == null && password != null) {
                problems.add(new Problem("SMTP_PASSWORD", "is set but SMTP_USER is not", "set both to log in, or neither"));
            }
            if (from == null || from.isBlank()) {
                problems.add(new Problem("SMTP_FROM", "is missing",
                        "set it to the sender, e.g. Radicale Vernieuwers <stemmen@example.org>"));
            } else {
                try {
                    new InternetAddress(from, true).validate();
                } catch (AddressException e) {
                    problems.add(new Problem("SMTP_FROM", "is not a mail address (got \"" + from + "\")",
                            "write it as stemmen@example.org or Radicale Vernieuwers <stemmen@example.org>"));
                }
            }
            return problems;
        }

        private static String value(Map<String, String> env, String name) {
            String v = env.get(name);
            return v == null || v.isBlank() ? null : v.strip();
        }
    }
}
