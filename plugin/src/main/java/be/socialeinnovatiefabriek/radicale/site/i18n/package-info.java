/** All language logic: the locales of each language (dates, sorting, names, share locales) and the UI strings. */
package be.socialeinnovatiefabriek.radicale.site.i18n;
