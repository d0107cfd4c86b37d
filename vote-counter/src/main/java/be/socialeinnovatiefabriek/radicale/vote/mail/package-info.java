/** Mails to voters: the Mailer interface, SMTP and the local outbox. */
package be.socialeinnovatiefabriek.radicale.vote.mail;
