package be.socialeinnovatiefabriek.radicale.site.deploy;

/** A deploy that could not be done; the message says what went wrong and what to do. Nothing after it was changed. */
public final class DeployFailure extends Exception {

    public DeployFailure(String message) {
        super(message);
    }

    public DeployFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
