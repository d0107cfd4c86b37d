package be.socialeinnovatiefabriek.radicale.site.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview counter's secrets when no environment variable gives them: kept owner-only beside the votes, stable across restarts. */
class PreviewSecretsTest {

    private static final String UNSET = "SITE_TESTS_NO_SUCH_VARIABLE";

    @TempDir
    Path votes;

    @Test
    void aNewSecretIsKeptInAFileOnlyItsOwnerCanRead() throws Exception {
        Path file = votes.resolve("preview-hmac.key");

        String secret = PreviewSecrets.secret(UNSET, file);

        assertEquals(64, secret.length());
        assertEquals(secret, Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(secret, PreviewSecrets.secret(UNSET, file), "the same secret after a restart");
    }

    @Test
    void aBlankSecretFileGetsANewSecret() throws Exception {
        Path file = Files.writeString(votes.resolve("preview-admin.token"), "  \n");

        String secret = PreviewSecrets.secret(UNSET, file);

        assertNotEquals("", secret);
        assertEquals(secret, Files.readString(file));
        assertTrue(Files.getPosixFilePermissions(file).size() == 2, "owner read and write only");
    }
}
