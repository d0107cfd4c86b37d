/** Ballots, the site build's description of an edition's vote: the record, its parser, and where ballots are read from (a folder, the published site). */
package be.socialeinnovatiefabriek.radicale.vote.ballot;
