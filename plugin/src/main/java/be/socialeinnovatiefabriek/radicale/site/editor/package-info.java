/**
 * The browser editor: the CMS on /admin/ of the preview (Decap CMS from the plugin jar), its configuration made
 * from the content schemas, the local backend that merges a save into content/ and checks it with the build's
 * rules first, who may use it, and the editor a published site gets when a maintainer names a Git host.
 */
package be.socialeinnovatiefabriek.radicale.site.editor;
