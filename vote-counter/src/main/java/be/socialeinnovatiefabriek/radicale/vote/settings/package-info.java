/** The counter's settings from its environment, validated once, and the problems found in them. */
package be.socialeinnovatiefabriek.radicale.vote.settings;
