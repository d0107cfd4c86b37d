package be.socialeinnovatiefabriek.radicale.site.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The preview counter's two secrets: from the environment (VOTE_HMAC_KEY, VOTE_ADMIN_TOKEN) as in
 * production, or else random ones kept beside the votes, owner-only, so that voter hashes stay the
 * same across restarts of the preview.
 */
public final class PreviewSecrets {

    static final String HMAC_KEY = "VOTE_HMAC_KEY";
    static final String ADMIN_TOKEN = "VOTE_ADMIN_TOKEN";

    private PreviewSecrets() {
    }

    /** The secrets for the votes kept in {@code votesDir}. */
    public static CounterProcess.Secrets in(Path votesDir) throws IOException {
        return new CounterProcess.Secrets(secret(HMAC_KEY, votesDir.resolve("preview-hmac.key")),
                secret(ADMIN_TOKEN, votesDir.resolve("preview-admin.token")));
    }

    /** Where the admin export's token is to be found, for the console. */
    public static String adminTokenSource(Path votesDir) {
        return System.getenv(ADMIN_TOKEN) != null ? "in $" + ADMIN_TOKEN : "in " + votesDir.resolve("preview-admin.token");
    }

    /**
     * The secret in environment variable {@code name}, or else a random one kept in {@code file} (owner-only
     * from its creation), so hashes stay the same across restarts; a blank file gets a new secret.
     */
    static String secret(String name, Path file) throws IOException {
        String fromEnvironment = System.getenv(name);
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        if (Files.isRegularFile(file)) {
            String kept = Files.readString(file).strip();
            if (!kept.isEmpty()) {
                return kept;
            }
            Files.delete(file);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = HexFormat.of().formatHex(random);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system: the folder's own protection applies
        }
        Files.writeString(file, secret);
        return secret;
    }
}
