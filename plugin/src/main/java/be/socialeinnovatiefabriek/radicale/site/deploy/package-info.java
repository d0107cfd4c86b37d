/** site:deploy: publishes the built site to its S3 bucket (only what changed) and clears the changed paths from CloudFront. */
package be.socialeinnovatiefabriek.radicale.site.deploy;
