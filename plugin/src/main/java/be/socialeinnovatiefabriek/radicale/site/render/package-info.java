/** Renders a page's model with its FreeMarker template (through jbake-core's engine, without its database). */
package be.socialeinnovatiefabriek.radicale.site.render;
