/** The counter as a local HTTP server (Jetty, SQLite, SMTP or an outbox), for mvn site:run and self-hosting. */
package be.socialeinnovatiefabriek.radicale.vote.local;
