/** The builder that runs every stage in turn, what it reports, and the command that builds a site without Maven. */
package be.socialeinnovatiefabriek.radicale.site.build;
