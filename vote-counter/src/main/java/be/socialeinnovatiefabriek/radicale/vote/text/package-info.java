/** The languages the counter writes in and its own texts per language. */
package be.socialeinnovatiefabriek.radicale.vote.text;
