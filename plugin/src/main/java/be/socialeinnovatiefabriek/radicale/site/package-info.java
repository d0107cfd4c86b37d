/** What every stage of the build shares: the settings, every address of the site, and the problem a person must fix. */
package be.socialeinnovatiefabriek.radicale.site;
