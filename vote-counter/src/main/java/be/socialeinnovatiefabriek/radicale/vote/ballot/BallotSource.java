package be.socialeinnovatiefabriek.radicale.vote.ballot;

import java.util.Optional;

/** Where the counter finds an edition's ballot. */
public interface BallotSource {

    /** The ballot of edition {@code id}, or empty when there is no such edition (or {@code id} is not a year). */
    Optional<Ballot> find(String id);
}
