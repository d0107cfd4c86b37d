/** The site plan: every page of the site, with the typed model its template receives. */
package be.socialeinnovatiefabriek.radicale.site.plan;
