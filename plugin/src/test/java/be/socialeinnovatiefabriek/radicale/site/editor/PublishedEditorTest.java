package be.socialeinnovatiefabriek.radicale.site.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.site.TestSite;
import be.socialeinnovatiefabriek.radicale.site.build.SiteBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The published site has an editor on /admin/ only when a maintainer names the Git host it commits to. */
class PublishedEditorTest {

    @TempDir
    Path folder;

    @Test
    void byDefaultNothingOfTheEditorIsPublished() throws Exception {
        TestSite site = TestSite.create(folder, null);

        new SiteBuilder(site.config()).build();

        assertFalse(Files.exists(site.output().resolve("admin")));
    }

    @Test
    void withAGitHostTheEditorIsWrittenWithTheCmsFromThePluginAndNoSignInOfThePreview() throws Exception {
        TestSite site = TestSite.create(folder, null);
        new SiteBuilder(site.config()).build();

        PublishedEditor.write(site.output(), site.config(), new PublishedEditor.Settings("gitlab", "sif/radicale", "main", "", "0a1b2c3d"));

        Path admin = site.output().resolve("admin");
        String page = Files.readString(admin.resolve("index.html"));
        assertTrue(page.contains("<script src=\"decap/decap-cms.js\"></script>"), page);
        assertFalse(page.contains("local.js"), "the preview's sign-in is not published");
        assertFalse(page.contains("https://"), "nothing from a CDN");
        String config = Files.readString(admin.resolve("config.yml"));
        assertTrue(config.contains("name: gitlab") && config.contains("auth_type: pkce") && config.contains("app_id: 0a1b2c3d"), config);
        assertTrue(Files.size(admin.resolve("decap/decap-cms.js")) > 1_000_000);
        assertTrue(Files.isRegularFile(admin.resolve("editor.js")) && Files.isRegularFile(admin.resolve("fields.json")));
    }

    @Test
    void settingsThatCannotWorkNameThePropertyToSet() {
        List<String> mistakes = new PublishedEditor.Settings("svn", "not a repository", "", "http://auth.example", "").mistakes();

        assertEquals(4, mistakes.size(), mistakes.toString());
        assertTrue(mistakes.get(0).startsWith("site.editorBackend \"svn\" is not a Git host the editor knows; use one of bitbucket, gitea, github, gitlab"));
        assertTrue(mistakes.get(1).startsWith("site.editorRepository \"not a repository\" is not a repository; write it as owner/name"));
        assertTrue(mistakes.get(2).startsWith("site.editorBranch \"\" is not a branch name"));
        assertTrue(mistakes.get(3).startsWith("site.editorAuthUrl \"http://auth.example\" is not an https address"));
        assertEquals(List.of(), new PublishedEditor.Settings("github", "socialeinnovatiefabriek/radicale-vernieuwers", "main", "", "").mistakes());
    }
}
