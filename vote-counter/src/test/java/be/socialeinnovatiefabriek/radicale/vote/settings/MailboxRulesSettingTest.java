package be.socialeinnovatiefabriek.radicale.vote.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.address.MailAddress;
import be.socialeinnovatiefabriek.radicale.vote.address.MailboxRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** VOTE_MAILBOX_RULES names a site's own mailbox rules; its mistakes are reported with the other settings'. */
class MailboxRulesSettingTest {

    @TempDir
    Path directory;

    private static Map<String, String> environment(String rulesFile) {
        Map<String, String> env = new HashMap<>(Map.of(
                "VOTE_HMAC_KEY", "k".repeat(32),
                "VOTE_ADMIN_TOKEN", "a".repeat(16),
                "VOTE_ALLOWED_ORIGINS", "https://radicalevernieuwers.be",
                "VOTE_PUBLIC_URL", "https://stem.radicalevernieuwers.be"));
        if (rulesFile != null) {
            env.put("VOTE_MAILBOX_RULES", rulesFile);
        }
        return env;
    }

    @Test
    void withoutTheSettingTheBuiltInRulesApply() {
        assertSame(MailboxRules.builtIn(), CounterSettings.fromEnvironment(environment(null)).mailboxRules());
        assertSame(MailboxRules.builtIn(), CounterSettings.fromEnvironment(environment(" ")).mailboxRules());
    }

    @Test
    void theSiteFileAddsItsLines() throws Exception {
        Path file = Files.writeString(directory.resolve("mailbox-rules"), "radicalevernieuwers.be tag=none\n");

        CounterSettings settings = CounterSettings.fromEnvironment(environment(file.toString()));

        assertEquals("ann+team@radicalevernieuwers.be",
                settings.mailboxRules().mailbox(MailAddress.parse("ann+team@radicalevernieuwers.be")));
        assertEquals("bob@gmail.com", settings.mailboxRules().mailbox(MailAddress.parse("b.o.b+x@gmail.com")));
        assertTrue(settings.toString().contains("mailboxRules=MailboxRules[built-in + " + file), settings.toString());
    }

    @Test
    void aMistakeInTheFileIsReportedWithEveryOtherProblem() throws Exception {
        Path file = Files.writeString(directory.resolve("mailbox-rules"), "# ours\nradicalevernieuwers.be tag=\n");
        Map<String, String> env = environment(file.toString());
        env.put("VOTE_HMAC_KEY", "short");

        InvalidSettings invalid = assertThrows(InvalidSettings.class, () -> CounterSettings.fromEnvironment(env));

        assertEquals(2, invalid.problems().size(), invalid.getMessage());
        assertEquals(new Problem(file + ":2", "'tag=' is not a rule", "write alias-of=<domain>, tag=<signs>, tag=none, "
                + "ignore-dots or subdomain-addressing"), invalid.problems().get(1));
    }

    @Test
    void aMissingFileIsReported() {
        Path missing = directory.resolve("nowhere");

        InvalidSettings invalid = assertThrows(InvalidSettings.class,
                () -> CounterSettings.fromEnvironment(environment(missing.toString())));

        assertEquals(missing.toString(), invalid.problems().get(0).where());
        assertTrue(invalid.problems().get(0).what().startsWith("cannot be read"), invalid.getMessage());
    }
}
