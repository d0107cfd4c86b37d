/** The voting rules: submissions, confirmations, proofs of work, rate limits, phases and results, the admin export, the studio view and health. */
package be.socialeinnovatiefabriek.radicale.vote.voting;
