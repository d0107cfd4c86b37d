/** What a build writes besides its pages, and the writing: the output folder, sitemap and robots.txt, news feeds, ballots. */
package be.socialeinnovatiefabriek.radicale.site.output;
