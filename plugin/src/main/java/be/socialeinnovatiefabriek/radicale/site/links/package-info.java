/** The link check of site:check: every address a built page, stylesheet, feed or sitemap refers to must lead somewhere. */
package be.socialeinnovatiefabriek.radicale.site.links;
