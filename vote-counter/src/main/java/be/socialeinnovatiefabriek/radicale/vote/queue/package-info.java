/** The mail queue: what a queued mail is (MailJson), the local sender and its storage, the sending rate, back-off and dead letters. */
package be.socialeinnovatiefabriek.radicale.vote.queue;
