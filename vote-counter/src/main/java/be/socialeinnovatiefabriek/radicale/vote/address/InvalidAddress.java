package be.socialeinnovatiefabriek.radicale.vote.address;

/**
 * A typed address the counter will not mail: the message says what is wrong and what to type instead, and
 * never repeats the address.
 */
public final class InvalidAddress extends Exception {

    InvalidAddress(String what, String fix) {
        super("The e-mail address " + what + "; " + fix + ".", null, false, false);
    }
}
