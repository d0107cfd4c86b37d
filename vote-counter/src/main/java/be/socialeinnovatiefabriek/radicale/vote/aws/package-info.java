/** The counter on AWS Lambda: the API Gateway event adapter (VoteHandler), the check that a request came through the site's CloudFront distribution (CloudFrontOrigin), the mail queue on SQS (SqsMailQueue) and its sender function (MailSenderHandler); nothing else of the counter's rules. */
package be.socialeinnovatiefabriek.radicale.vote.aws;
