/** site:run: the preview server (static files, a rebuild on every save, live reload) and the local vote counter beside it. */
package be.socialeinnovatiefabriek.radicale.site.serve;
