/** The goals site, check and run: each reads its settings, calls the core and maps its errors; nothing else. */
package be.socialeinnovatiefabriek.radicale.site.maven;
