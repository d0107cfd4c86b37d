/** Markdown to HTML with one shared flexmark parser, and a text's excerpt. */
package be.socialeinnovatiefabriek.radicale.site.markdown;
