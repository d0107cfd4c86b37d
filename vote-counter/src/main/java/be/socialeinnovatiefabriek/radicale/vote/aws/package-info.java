/** The counter on AWS Lambda: the API Gateway event adapter (VoteHandler) and nothing else of the counter's rules. */
package be.socialeinnovatiefabriek.radicale.vote.aws;
