/** Where votes are kept: the VoteStore interface and its SQLite and DynamoDB stores (and the DynamoDB rate limits). */
package be.socialeinnovatiefabriek.radicale.vote.store;
