package be.socialeinnovatiefabriek.radicale.vote.mail;

/**
 * A mail to a voter ready to send: the language it is written in, its subject, its plain-text body
 * and its HTML document.
 */
record RenderedMail(String lang, String subject, String text, String html) {
}
