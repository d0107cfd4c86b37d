/** Mails to voters: the Mailer interface, the mail a submission calls for, SMTP and the local outbox. */
package be.socialeinnovatiefabriek.radicale.vote.mail;
