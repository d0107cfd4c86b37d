package be.socialeinnovatiefabriek.radicale.vote.store;

import be.socialeinnovatiefabriek.radicale.vote.voting.RateLimits;
import be.socialeinnovatiefabriek.radicale.vote.voting.RateLimitsContract;

/** The Lambda function's rate limits, shared by its instances, against DynamoDB Local. */
class DynamoDbRateLimitsTest extends RateLimitsContract {

    @Override
    protected RateLimits newLimits() {
        return new DynamoDbRateLimits(DynamoDbLocal.client(), DynamoDbLocal.newTable());
    }
}
