/** Who is voting, kept unreadable: keyed hashes of addresses, browsers and clients, the client's address behind trusted proxies, and random tokens. */
package be.socialeinnovatiefabriek.radicale.vote.identity;
