/** The counter's HTTP protocol: requests and answers, routing and origins, form fields, the voter cookie, and the confirmation page; it turns the voting rules' outcomes into statuses, redirects and JSON. */
package be.socialeinnovatiefabriek.radicale.vote.http;
