/** All language logic: the locales of each language (dates, sorting, names, share locales), the UI strings and French spacing. */
package be.socialeinnovatiefabriek.radicale.site.i18n;
