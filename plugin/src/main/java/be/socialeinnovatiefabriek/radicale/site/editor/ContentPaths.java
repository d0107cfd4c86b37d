package be.socialeinnovatiefabriek.radicale.site.editor;

import be.socialeinnovatiefabriek.radicale.site.content.ContentFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The only files the editor reads and writes: a page's language files ({@code index.<lang>.md}) and
 * images, inside one page folder of a section of content/. Paths come from the browser as the CMS
 * names them, relative to the project ({@code content/innovators/papillon/index.fr.md}); anything
 * else (a parent step, an encoded or absolute path, a symbolic link, another name) is refused.
 */
final class ContentPaths {

    /** Where a page's file lies: its section folder, its page folder (slug) and the file. */
    record Located(ContentFields.SectionFields section, String slug, Path dir, Path file, String name) {
    }

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern INDEX = Pattern.compile("index\\.([a-z]{2,3})\\.md");
    private static final Pattern IMAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*\\.(?i:jpe?g|png|webp)");
    private static final int MAX_LENGTH = 300;

    private final Path contentDir;
    private final List<String> prefix;
    private final List<String> languages;

    /**
     * @param contentDir the content folder (absolute, normalised)
     * @param prefix     how the browser names it: its path from the project folder, such as "content"
     */
    ContentPaths(Path contentDir, String prefix, List<String> languages) {
        this.contentDir = contentDir;
        this.prefix = List.of(prefix.split("/"));
        this.languages = List.copyOf(languages);
    }

    /** How the browser names the content folder, such as "content". */
    String prefix() {
        return String.join("/", prefix);
    }

    /** The folder of a section, as entriesByFolder names it: {@code content/innovators}. */
    ContentFields.SectionFields section(String path) throws EditorException {
        List<String> parts = parts(path);
        if (parts.size() != 1) {
            throw EditorException.forbiddenPath(path, "only the folders of the sections are listed (" + sectionNames() + ")");
        }
        return sectionNamed(path, parts.get(0));
    }

    /** A page's folder, as the media library names it; empty for any other folder (the CMS's shared media folder). */
    Optional<Located> pageFolder(String path) throws EditorException {
        List<String> parts = parts(path);
        if (parts.isEmpty() || parts.size() > 2) {
            return Optional.empty();
        }
        ContentFields.SectionFields section = sectionNamed(path, parts.get(0));
        if (section.single() != (parts.size() == 1)) {
            return Optional.empty();
        }
        String slug = section.single() ? section.folder() : slug(path, parts.get(1));
        Path dir = section.single() ? contentDir.resolve(section.folder()) : contentDir.resolve(section.folder()).resolve(slug);
        checkNoLinks(path, dir);
        return Optional.of(new Located(section, slug, dir, dir, ""));
    }

    /** A language file of a page: {@code content/<section>/<folder>/index.<lang>.md}. */
    Located entry(String path) throws EditorException {
        Located located = file(path);
        Matcher index = INDEX.matcher(located.name());
        if (!index.matches() || !languages.contains(index.group(1))) {
            throw EditorException.forbiddenPath(path, "a page's text is index.<language>.md, for a language of the site ("
                    + String.join(", ", languages) + ")");
        }
        return located;
    }

    /**
     * A language file to read; {@code index.md}, which the CMS asks for to learn whether a page folder is
     * taken before it creates one, stands for the default language's file.
     */
    Located entryToRead(String path) throws EditorException {
        if (path != null && path.endsWith("/index.md")) {
            file(path); // the same checks as any path
            return entry(path.substring(0, path.length() - "index.md".length()) + "index." + languages.get(0) + ".md");
        }
        return entry(path);
    }

    /** An image in a page's folder: JPEG, PNG or WebP, named with letters, digits, '-', '_' and '.'. */
    Located image(String path) throws EditorException {
        Located located = file(path);
        if (!IMAGE.matcher(located.name()).matches()) {
            throw EditorException.forbiddenPath(path, "only images (.jpg, .jpeg, .png, .webp) named with letters, digits, '-' and '_' are kept"
                    + " beside a page's text");
        }
        return located;
    }

    /** Whether {@code name} is a file the editor shows and keeps in a page folder. */
    boolean isImageName(String name) {
        return IMAGE.matcher(name).matches();
    }

    /** Whether {@code name} is a language file of this site. */
    boolean isEntryName(String name) {
        Matcher index = INDEX.matcher(name);
        return index.matches() && languages.contains(index.group(1));
    }

    /** The language of a file named index.&lt;lang&gt;.md. */
    static String language(String name) {
        Matcher index = INDEX.matcher(name);
        return index.matches() ? index.group(1) : null;
    }

    /** How the browser names a file of content/. */
    String browserPath(Path file) {
        return prefix() + "/" + contentDir.relativize(file).toString().replace('\\', '/');
    }

    private Located file(String path) throws EditorException {
        List<String> parts = parts(path);
        ContentFields.SectionFields section = parts.size() == 2 || parts.size() == 3 ? sectionNamed(path, parts.get(0)) : null;
        if (section == null || parts.size() != (section.single() ? 2 : 3)) {
            throw EditorException.forbiddenPath(path, "files live in a page's folder, such as " + prefix() + "/innovators/papillon/index.nl.md");
        }
        String slug = section.single() ? section.folder() : slug(path, parts.get(1));
        Path dir = section.single() ? contentDir.resolve(section.folder()) : contentDir.resolve(section.folder()).resolve(slug);
        Path file = dir.resolve(parts.get(parts.size() - 1));
        checkNoLinks(path, file);
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw EditorException.forbiddenPath(path, "it is a folder");
        }
        return new Located(section, slug, dir, file, parts.get(parts.size() - 1));
    }

    /** The path's parts below the content folder, after refusing every spelling that could lead elsewhere. */
    private List<String> parts(String path) throws EditorException {
        if (path == null || path.isEmpty()) {
            throw EditorException.badRequest("A path is missing.");
        }
        if (path.length() > MAX_LENGTH) {
            throw EditorException.forbiddenPath(path, "the path is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || c == '%' || c == ':' || c == '~') {
                throw EditorException.forbiddenPath(path, "it holds '" + (c < 0x20 || c == 0x7f ? "a control character" : String.valueOf(c))
                        + "', which no content path has");
            }
        }
        if (path.startsWith("/")) {
            throw EditorException.forbiddenPath(path, "it is an absolute path; paths start with " + prefix() + "/");
        }
        List<String> parts = new ArrayList<>(Arrays.asList(path.split("/", -1)));
        for (String part : parts) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw EditorException.forbiddenPath(path, "it has an empty, '.' or '..' step");
            }
        }
        if (parts.size() < prefix.size() || !parts.subList(0, prefix.size()).equals(prefix)) {
            throw EditorException.forbiddenPath(path, "it is outside " + prefix() + "/");
        }
        return parts.subList(prefix.size(), parts.size());
    }

    private ContentFields.SectionFields sectionNamed(String path, String name) throws EditorException {
        for (ContentFields.SectionFields section : ContentFields.SECTIONS) {
            if (section.folder().equals(name)) {
                return section;
            }
        }
        throw EditorException.forbiddenPath(path, "'" + name + "' is not a section of the site (" + sectionNames() + ")");
    }

    private static String slug(String path, String name) throws EditorException {
        if (!SLUG.matcher(name).matches()) {
            throw EditorException.forbiddenPath(path, "a page's folder name has lowercase letters, digits and '-' only");
        }
        return name;
    }

    /**
     * Refuses a path on which a symbolic link lies below the content folder, or whose nearest existing
     * folder is, once links are followed, outside it.
     */
    private void checkNoLinks(String path, Path target) throws EditorException {
        Path step = contentDir;
        for (Path name : contentDir.relativize(target)) {
            step = step.resolve(name);
            if (Files.isSymbolicLink(step)) {
                throw EditorException.forbiddenPath(path, "it goes through a symbolic link");
            }
        }
        try {
            Path existing = target;
            while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            if (existing == null || !existing.toRealPath().startsWith(contentDir.toRealPath())) {
                throw EditorException.forbiddenPath(path, "it leads outside " + prefix() + "/");
            }
        } catch (IOException e) {
            throw EditorException.forbiddenPath(path, "it cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String sectionNames() {
        return String.join(", ", ContentFields.SECTIONS.stream().map(ContentFields.SectionFields::folder).toList());
    }

    /** The extension of an image name, lowercase. */
    static String extension(String name) {
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }
}
