package be.socialeinnovatiefabriek.radicale.vote.http;

/**
 * Every test of {@link CounterApiTest}, with the answers the local server gives: a confirmation answered once its vote
 * is durable ({@link CounterApi#handleLater}), the ballot asked by the store as it finds the vote.
 */
class CounterApiLaterTest extends CounterApiTest {

    @Override
    boolean answerLater() {
        return true;
    }
}
