package be.socialeinnovatiefabriek.radicale.vote.store;

/** The SQLite file could not be opened, read or written; the message names the file. */
public final class SqliteFailure extends RuntimeException {

    public SqliteFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
