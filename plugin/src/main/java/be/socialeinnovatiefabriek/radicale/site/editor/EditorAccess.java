package be.socialeinnovatiefabriek.radicale.site.editor;

import java.util.Locale;
import java.util.Set;

/**
 * Who may use the preview's editor. On a preview that only this machine can reach, anyone at the
 * machine may (requests must name the machine itself, so a web page elsewhere cannot reach it through
 * a name that points here). On a preview others can reach, the editor is off unless a maintainer sets
 * a secret; staff then type it once.
 *
 * @param enabled whether /admin/ answers at all
 * @param secret  the secret to sign in with, or null when none is asked
 * @param reason  why the editor is off, for the console and the page at /admin/
 */
public record EditorAccess(boolean enabled, String secret, String reason) {

    /** The environment variable that holds the secret. */
    public static final String SECRET_VARIABLE = "SITE_EDITOR_SECRET";
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");
    private static final int MIN_SECRET = 16;

    /**
     * The access of a preview listening on {@code host}.
     *
     * @param wanted whether the maintainer wants the editor (site.editor)
     * @param secret the value of {@value #SECRET_VARIABLE}, or null
     */
    public static EditorAccess forPreview(String host, boolean wanted, String secret) {
        if (!wanted) {
            return new EditorAccess(false, null, "the editor is turned off (site.editor=false)");
        }
        String given = secret == null || secret.isBlank() ? null : secret.strip();
        if (given != null && given.length() < MIN_SECRET) {
            return new EditorAccess(false, null, SECRET_VARIABLE + " is shorter than " + MIN_SECRET
                    + " characters; set a longer one (openssl rand -base64 24)");
        }
        if (isLoopback(host) || given != null) {
            return new EditorAccess(true, given, "");
        }
        return new EditorAccess(false, null, "this preview listens on " + host + ", beyond this machine; set " + SECRET_VARIABLE
                + " in the environment to turn the editor on with a secret");
    }

    /** Whether a host name or address is this machine only. */
    static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return LOOPBACK.contains(name) || name.startsWith("127.");
    }

    /** Whether staff sign in with the secret. */
    boolean signIn() {
        return secret != null;
    }
}
