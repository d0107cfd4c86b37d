/**
 * The builder that runs every stage in turn, what it reports, what the preview's next build reuses, the check of
 * site:check, and the command that builds a site without Maven.
 */
package be.socialeinnovatiefabriek.radicale.site.build;
