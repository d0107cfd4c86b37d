/**
 * Reading content/: the files and their front matter, the schema of each section (innovators, campaigns,
 * pages, news, the accessibility statement), publication schedules and which page exists in which language.
 */
package be.socialeinnovatiefabriek.radicale.site.content;
