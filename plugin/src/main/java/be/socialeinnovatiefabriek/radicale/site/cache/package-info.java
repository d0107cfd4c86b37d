/** What a build keeps on disk for the next one: rendered Markdown bodies and pages, by a hash of what made them. */
package be.socialeinnovatiefabriek.radicale.site.cache;
