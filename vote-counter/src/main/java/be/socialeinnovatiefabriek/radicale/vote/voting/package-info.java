/**
 * The voting rules, without HTTP: submissions, confirmations, proofs of work, rate limits, phases and results, the
 * admin export, the studio's live count and health; each returns a typed outcome or throws a {@link Refusal}.
 */
package be.socialeinnovatiefabriek.radicale.vote.voting;
