/** The counter on AWS Lambda: the API Gateway event adapter (VoteHandler) and the check that a request came through the site's CloudFront distribution (CloudFrontOrigin); nothing else of the counter's rules. */
package be.socialeinnovatiefabriek.radicale.vote.aws;
