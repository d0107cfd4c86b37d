package be.socialeinnovatiefabriek.radicale.site.editor;

import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The editor of the published site: /admin/ written beside the pages, only when a maintainer names the
 * Git host staff commit to (site.editorBackend and site.editorRepository). It is the preview's CMS and
 * forms; saving commits to the repository, and the next build checks what was committed.
 */
public final class PublishedEditor {

    /** The Git hosts the CMS commits to without a server of this project's own. */
    public static final Set<String> BACKENDS = Set.of("github", "gitlab", "gitea", "bitbucket");
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+");
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9._/-]+");

    /**
     * Where the published editor commits.
     *
     * @param backend    github, gitlab, gitea or bitbucket
     * @param repository owner/name on that host
     * @param branch     the branch the site is built from
     * @param authUrl    the sign-in server for the host (the CMS's base_url), or blank for the host's own
     * @param appId      the id of an OAuth application staff sign in with from the browser alone (GitLab, Gitea), or blank
     */
    public record Settings(String backend, String repository, String branch, String authUrl, String appId) {

        /** Every mistake in the settings, each naming the site.* property to set. */
        public List<String> mistakes() {
            List<String> mistakes = new ArrayList<>();
            if (!BACKENDS.contains(backend)) {
                mistakes.add("site.editorBackend \"" + backend + "\" is not a Git host the editor knows; use one of " + String.join(", ", BACKENDS.stream().sorted().toList())
                        + ", or leave it empty to publish no editor");
            }
            if (repository == null || !REPOSITORY.matcher(repository).matches()) {
                mistakes.add("site.editorRepository \"" + (repository == null ? "" : repository) + "\" is not a repository; write it as owner/name, "
                        + "such as socialeinnovatiefabriek/radicale-vernieuwers");
            }
            if (branch == null || !BRANCH.matcher(branch).matches()) {
                mistakes.add("site.editorBranch \"" + (branch == null ? "" : branch) + "\" is not a branch name; write the branch the site is built from, such as main");
            }
            if (authUrl != null && !authUrl.isBlank()) {
                try {
                    URI uri = URI.create(authUrl.strip());
                    if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                        throw new IllegalArgumentException();
                    }
                } catch (IllegalArgumentException e) {
                    mistakes.add("site.editorAuthUrl \"" + authUrl + "\" is not an https address; give the sign-in server's address, or leave it empty");
                }
            }
            if (appId != null && !appId.isBlank() && !appId.strip().matches("[A-Za-z0-9_-]+")) {
                mistakes.add("site.editorAppId \"" + appId + "\" is not an application id; copy the id of the OAuth application from the Git host");
            }
            return mistakes;
        }
    }

    private PublishedEditor() {
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Writes /admin/ into the built site {@code output}; returns how many files it wrote. */
    public static int write(Path output, SiteConfig config, Settings settings) throws IOException {
        Path admin = output.resolve("admin");
        Files.createDirectories(admin.resolve("decap"));
        int written = 0;
        Files.writeString(admin.resolve("index.html"), EditorPages.cms(false), StandardCharsets.UTF_8);
        Files.writeString(admin.resolve("config.yml"), BrowserEditor.publishedConfig(config, settings.backend(), settings.repository(),
                settings.branch(), blankToNull(settings.authUrl()), blankToNull(settings.appId())), StandardCharsets.UTF_8);
        Files.write(admin.resolve("fields.json"), new ObjectMapper().writeValueAsBytes(EditorPages.fields(config)));
        written += 3;
        for (String name : List.of("editor.js", "editor.css", "preview.css")) {
            Files.write(admin.resolve(name), EditorAssets.bytes(name));
            written++;
        }
        byte[] list = EditorAssets.bytes("decap/files.txt");
        if (list == null) {
            throw new IOException(EditorAssets.NOT_BUILT);
        }
        for (String name : new String(list, StandardCharsets.UTF_8).lines().map(String::strip).filter(line -> !line.isEmpty()).toList()) {
            Files.write(admin.resolve("decap").resolve(name), EditorAssets.bytes("decap/" + name));
            written++;
        }
        return written;
    }
}
