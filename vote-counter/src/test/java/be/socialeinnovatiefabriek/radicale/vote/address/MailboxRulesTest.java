package be.socialeinnovatiefabriek.radicale.vote.address;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.settings.InvalidSettings;
import be.socialeinnovatiefabriek.radicale.vote.settings.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each rule of the mailbox table, built in and added by a site: every spelling of one mailbox is one mailbox. */
class MailboxRulesTest {

    @TempDir
    Path directory;

    private static String mailbox(MailboxRules rules, String typed) {
        try {
            return rules.mailbox(MailAddress.parse(typed));
        } catch (InvalidAddress e) {
            throw new AssertionError(typed + " should parse", e);
        }
    }

    private static String mailbox(String typed) {
        return mailbox(MailboxRules.builtIn(), typed);
    }

    private MailboxRules withSiteFile(String text) throws Exception {
        Path file = directory.resolve("site-mailbox-rules");
        Files.writeString(file, text);
        return MailboxRules.builtInWith(file);
    }

    @Test
    void theFourSpellingsOfOneGmailMailboxAreOneMailbox() {
        assertAll(List.of("bob@gmail.com", "b.o.b@gmail.com", "bob@googlemail.com", "bo.b+x@gmail.com").stream()
                .map(typed -> () -> assertEquals("bob@gmail.com", mailbox(typed), typed)));
    }

    @ParameterizedTest
    @CsvSource({
        "Ann.Peeters@Example.BE, ann.peeters@example.be",
        "ANN@EXAMPLE.BE, ann@example.be",
        "Bob@GMail.com, bob@gmail.com",
    })
    void upperAndLowerCaseAreOneMailboxAtEveryDomain(String typed, String mailbox) {
        assertEquals(mailbox, mailbox(typed));
    }

    @ParameterizedTest
    @CsvSource({"b.o.b@gmail.com", "B.O.B@gmail.com", "bo.b@gmail.com", "b.ob@googlemail.com"})
    void gmailIgnoresDots(String typed) {
        assertEquals("bob@gmail.com", mailbox(typed));
    }

    @Test
    void googlemailIsGmail() {
        assertEquals("ann@gmail.com", mailbox("Ann@GoogleMail.com"));
    }

    @ParameterizedTest
    @CsvSource({"bob+vote@gmail.com", "bob+a+b@gmail.com", "b.o.b+x.y@googlemail.com"})
    void gmailDropsAPlusTag(String typed) {
        assertEquals("bob@gmail.com", mailbox(typed));
    }

    @ParameterizedTest
    @CsvSource({
        "b.o.b@example.be, bob@example.be",
        "b.o.b@outlook.com, bob@outlook.com",
        "ann.peeters@workspace-domain.example, annpeeters@workspace-domain.example",
    })
    void dotsCountAtEveryOtherDomain(String dotted, String undotted) {
        assertEquals(dotted, mailbox(dotted));
        assertNotEquals(mailbox(dotted), mailbox(undotted));
    }

    @ParameterizedTest
    @CsvSource({
        "ann+stem@example.be, ann@example.be",
        "Ann+a+b@sub.example.co.uk, ann@sub.example.co.uk",
        "ann.peeters+vote-2026@example.org, ann.peeters@example.org",
    })
    void aPlusTagIsDroppedAtAnUnknownDomain(String typed, String mailbox) {
        assertEquals(mailbox, mailbox(typed));
    }

    @Test
    void aPlusInFirstPlaceIsPartOfTheName() {
        assertEquals("+ann@example.be", mailbox("+ann@example.be"));
    }

    @ParameterizedTest
    @CsvSource({"ann+x@outlook.com, ann@outlook.com", "ann+x@hotmail.com, ann@hotmail.com",
        "ann+x@live.com, ann@live.com", "ann+x@msn.com, ann@msn.com"})
    void outlookDropsAPlusTagAndKeepsItsDomainsApart(String typed, String mailbox) {
        assertEquals(mailbox, mailbox(typed));
        assertNotEquals(mailbox("ann@outlook.com"), mailbox("ann@hotmail.com"));
    }

    @ParameterizedTest
    @CsvSource({"ann@proton.me", "Ann+news@proton.me", "ann@protonmail.com", "ann+x@protonmail.ch", "ann@pm.me"})
    void protonDomainsAreOneAccountAndDropAPlusTag(String typed) {
        assertEquals("ann@proton.me", mailbox(typed));
    }

    @ParameterizedTest
    @CsvSource({"ann+x@fastmail.com", "anything@ann.fastmail.com", "shop+x@ann.fastmail.com", "x@folder.ann.fastmail.com"})
    void fastmailDropsAPlusTagAndReadsSubdomainAddressing(String typed) {
        assertEquals("ann@fastmail.com", mailbox(typed));
        assertEquals("ann@fastmail.fm", mailbox(typed.replace("fastmail.com", "fastmail.fm")));
    }

    @Test
    void subdomainAddressingIsOnlyForTheDomainsThatHaveIt() {
        assertEquals("anything@ann.example.be", mailbox("anything@ann.example.be"));
        assertEquals("anything@ann.gmail.com", mailbox("anything@ann.gmail.com"));
    }

    @ParameterizedTest
    @CsvSource({"ann@icloud.com", "ann@me.com", "ann@mac.com", "Ann+x@me.com"})
    void iCloudMeAndMacAreOneMailbox(String typed) {
        assertEquals("ann@icloud.com", mailbox(typed));
    }

    @Test
    void aYahooHyphenIsNotATag() {
        assertEquals("ann-shop@yahoo.com", mailbox("ann-shop@yahoo.com"));
        assertEquals("ann@yahoo.com", mailbox("ann+x@yahoo.com"));
    }

    @ParameterizedTest
    @CsvSource({"bob@b\u00fccher.example", "bob@xn--bcher-kva.example", "BOB@B\u00dcCHER.EXAMPLE", "bob+x@bu\u0308cher.example"})
    void anInternationalDomainIsOneMailboxInEitherForm(String typed) {
        assertEquals("bob@xn--bcher-kva.example", mailbox(typed));
    }

    @Test
    void aSiteFileAddsDomainsAndReplacesBuiltInLines() throws Exception {
        MailboxRules rules = withSiteFile("""
                # Our own domain: '+' is part of real names here, '-' starts a tag.
                radicalevernieuwers.be   tag=-
                vub.be                   alias-of=vub.ac.be
                vub.ac.be                tag=+
                gmail.com                tag=none   # even Gmail keeps its dots and tags here
                b\u00fccher.example      tag=+- ignore-dots
                """);

        assertAll(
                () -> assertEquals("ann+x@radicalevernieuwers.be", mailbox(rules, "ann+x-news@radicalevernieuwers.be")),
                () -> assertEquals("ann@vub.ac.be", mailbox(rules, "Ann+x@VUB.be")),
                () -> assertEquals("b.o.b+x@gmail.com", mailbox(rules, "b.o.b+x@gmail.com")),
                () -> assertEquals("b.o.b+x@gmail.com", mailbox(rules, "b.o.b+x@googlemail.com")),
                () -> assertEquals("ann@fastmail.com", mailbox(rules, "x@ann.fastmail.com")),
                () -> assertEquals("ann@xn--bcher-kva.example", mailbox(rules, "a.nn-x+y@xn--bcher-kva.example")),
                () -> assertEquals("ann@example.be", mailbox(rules, "ann+x@example.be")),
                () -> assertTrue(rules.toString().contains("site-mailbox-rules"), rules.toString()));
    }

    @Test
    void aSiteFileCanChangeTheRuleForEveryOtherDomain() throws Exception {
        MailboxRules rules = withSiteFile("* tag=none\n");

        assertEquals("ann+x@example.be", mailbox(rules, "ann+x@example.be"));
        assertEquals("ann@outlook.com", mailbox(rules, "ann+x@outlook.com"));
    }

    @Test
    void everyMistakeInASiteFileIsNamedWithItsLineAndTheFix() throws IOException {
        Path file = directory.resolve("rules");
        Files.writeString(file, String.join("\n",
                "example.org tag+",
                "not_a_domain tag=+",
                "example.net",
                "example.com tag=@",
                "example.org tag=none",
                "alias.example alias-of=googlemail.com",
                "lost.example alias-of=nowhere.example",
                "* alias-of=gmail.com",
                "double.example alias-of=gmail.com tag=+",
                ""));

        InvalidSettings invalid = assertThrows(InvalidSettings.class, () -> MailboxRules.builtInWith(file));

        List<String> problems = invalid.problems().stream().map(Problem::toString).toList();
        assertEquals(List.of(
                file + ":1: 'tag+' is not a rule; write alias-of=<domain>, tag=<signs>, tag=none, ignore-dots or subdomain-addressing",
                file + ":2: 'not_a_domain' is not a domain name; write it as gmail.com, or * for every other domain",
                file + ":3: example.net has no rule; add one, such as tag=+ or tag=none",
                file + ":4: 'tag=@' names a sign an address cannot hold; use signs among #$&'*+-/=?^_`{|}~, such as tag=+",
                file + ":8: * is every other domain: it cannot be an alias or use subdomain-addressing; give it tag= and ignore-dots only",
                file + ":9: double.example is an alias and takes the rules of gmail.com; leave only alias-of= on its line",
                file + ": alias.example is an alias of googlemail.com, itself an alias of gmail.com; write alias-of=gmail.com",
                file + ": lost.example is an alias of nowhere.example, which has no line; add a line for nowhere.example"),
                problems);
    }

    @Test
    void aDomainTwiceInOneFileIsAMistake() throws IOException {
        Path file = directory.resolve("rules");
        Files.writeString(file, "example.org tag=+\nEXAMPLE.org tag=none\n");

        InvalidSettings invalid = assertThrows(InvalidSettings.class, () -> MailboxRules.builtInWith(file));

        assertEquals(List.of(new Problem(file + ":2", "example.org already has a line (line 1)", "keep one line per domain")),
                invalid.problems());
    }

    @Test
    void aMissingOrUnreadableFileIsNamed() throws IOException {
        Path missing = directory.resolve("missing");
        Path binary = directory.resolve("binary");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 'x'});

        InvalidSettings notThere = assertThrows(InvalidSettings.class, () -> MailboxRules.builtInWith(missing));
        InvalidSettings notText = assertThrows(InvalidSettings.class, () -> MailboxRules.builtInWith(binary));

        assertTrue(notThere.problems().get(0).toString().startsWith(missing + ": cannot be read (NoSuchFileException"),
                notThere.getMessage());
        assertEquals(new Problem(binary.toString(), "is not UTF-8 text", "save it as UTF-8"), notText.problems().get(0));
    }
}
