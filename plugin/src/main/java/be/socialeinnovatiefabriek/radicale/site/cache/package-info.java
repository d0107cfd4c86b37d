/** What a build keeps on disk for the next one (media keys, rendered Markdown bodies, pages), by a hash of what made them. */
package be.socialeinnovatiefabriek.radicale.site.cache;
