/** Voters' mail addresses: parsing, what counts as one mailbox (MailboxRules), and throwaway domains refused. */
package be.socialeinnovatiefabriek.radicale.vote.address;
