package be.socialeinnovatiefabriek.radicale.site;

import java.util.List;

/** A build setting (pom parameter or -D property) is wrong; each message names the setting and the fix. */
public final class InvalidSettingException extends Exception {

    public InvalidSettingException(List<String> mistakes) {
        super(String.join(System.lineSeparator(), mistakes));
    }
}
