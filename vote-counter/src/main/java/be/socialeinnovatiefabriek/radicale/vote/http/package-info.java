/**
 * The counter's HTTP protocol: requests and answers ({@link CounterApi}), origins and routes, form and JSON fields,
 * the voter cookie, the admin token, the confirmation and studio pages; it turns the voting rules' outcomes and
 * refusals into statuses, redirects to the site's pages and JSON.
 */
package be.socialeinnovatiefabriek.radicale.vote.http;
