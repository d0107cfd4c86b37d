package be.socialeinnovatiefabriek.radicale.vote.ballot;

/** A ballot file exists but cannot be used; the message names the file and what is wrong in it. */
public final class InvalidBallot extends RuntimeException {

    public InvalidBallot(String message) {
        super(message);
    }

    public InvalidBallot(String message, Throwable cause) {
        super(message, cause);
    }
}
