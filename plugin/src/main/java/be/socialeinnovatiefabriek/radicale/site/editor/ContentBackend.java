package be.socialeinnovatiefabriek.radicale.site.editor;

import be.socialeinnovatiefabriek.radicale.site.build.ContentCheck;
import be.socialeinnovatiefabriek.radicale.site.content.ContentFields;
import be.socialeinnovatiefabriek.radicale.site.content.EditorFiles;
import be.socialeinnovatiefabriek.radicale.site.SiteConfig;
import be.socialeinnovatiefabriek.radicale.site.WholeFile;
import be.socialeinnovatiefabriek.radicale.site.content.TranslationStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The CMS's local backend, answered from content/ in Java: the JSON protocol of Decap CMS's
 * {@code decap-server} ({@code {"action": ..., "params": {...}}}). Reads list and return page files
 * and images; a save is merged into the files on disk value by value, checked by the build's own
 * rules on the would-be files, and only then written, each file atomically.
 */
final class ContentBackend {

    /** The largest image the editor accepts, decoded. */
    static final int MAX_IMAGE_BYTES = 12 * 1024 * 1024;
    private static final Set<String> WORKFLOW = Set.of("unpublishedEntries", "unpublishedEntry", "unpublishedEntryDataFile",
            "unpublishedEntryMediaFile", "deleteUnpublishedEntry", "updateUnpublishedEntryStatus", "publishUnpublishedEntry");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SiteConfig config;
    private final ContentPaths paths;
    private final StagedCheck check;
    private final Consumer<String> log;

    ContentBackend(SiteConfig config, ContentPaths paths, StagedCheck check, Consumer<String> log) {
        this.config = config;
        this.paths = paths;
        this.check = check;
        this.log = log;
    }

    /** Answers one request of the protocol. */
    JsonNode handle(JsonNode request) throws EditorException, IOException {
        if (request == null || !request.isObject()) {
            throw EditorException.badRequest("The request is not a JSON object with an 'action'.");
        }
        String action = request.path("action").asText("");
        JsonNode params = request.path("params");
        if (!action.equals("info") && !params.isObject()) {
            throw EditorException.badRequest("The action '" + printable(action) + "' needs 'params', a JSON object.");
        }
        return switch (action) {
            case "info" -> JSON.objectNode().put("repo", config.projectDir().getFileName().toString()).put("type", "local_fs")
                    .set("publish_modes", JSON.arrayNode().add("simple"));
            case "entriesByFolder" -> entriesByFolder(text(params, "folder"), text(params, "extension"));
            case "entriesByFiles" -> entriesByFiles(params.path("files"));
            case "getEntry" -> entry(paths.entryToRead(text(params, "path")));
            case "persistEntry" -> persistEntry(params);
            case "getMedia" -> media(text(params, "mediaFolder"));
            case "getMediaFile" -> mediaFile(paths.image(text(params, "path")));
            case "persistMedia" -> persistMedia(params.path("asset"));
            case "deleteFile" -> delete(List.of(text(params, "path")));
            case "deleteFiles" -> delete(texts(params.path("paths")));
            case "getDeployPreview" -> JSON.nullNode();
            case "siteStatus" -> siteStatus();
            default -> {
                if (WORKFLOW.contains(action)) {
                    throw new EditorException(422, "unsupported", "The action '" + action + "' belongs to the editorial workflow; "
                            + "the preview saves straight into content/ (publish_mode: simple).");
                }
                throw new EditorException(422, "unknown_action", "Unknown action '" + printable(action) + "'.");
            }
        };
    }

    private JsonNode entriesByFolder(String folder, String extension) throws EditorException, IOException {
        ContentFields.SectionFields section = paths.section(folder);
        ArrayNode entries = JSON.arrayNode();
        Path dir = config.contentDir().resolve(section.folder());
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return entries;
        }
        for (Path bundle : section.single() ? List.of(dir) : list(dir)) {
            if (!Files.isDirectory(bundle, LinkOption.NOFOLLOW_LINKS) || EditorFiles.isLeftover(bundle)) {
                continue;
            }
            for (Path file : list(bundle)) {
                String name = file.getFileName().toString();
                if (paths.isEntryName(name) && name.endsWith("." + extension) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    entries.add(entry(paths.entry(paths.browserPath(file))));
                }
            }
        }
        return entries;
    }

    private JsonNode entriesByFiles(JsonNode files) throws EditorException, IOException {
        if (!files.isArray() || files.size() > 1000) {
            throw EditorException.badRequest("'files' must be a list of at most 1000 {\"path\": ...}.");
        }
        ArrayNode entries = JSON.arrayNode();
        for (JsonNode file : files) {
            entries.add(entry(paths.entry(text(file, "path"))));
        }
        return entries;
    }

    private ObjectNode entry(ContentPaths.Located file) throws IOException {
        ObjectNode entry = JSON.objectNode();
        ObjectNode about = entry.putObject("file").put("path", paths.browserPath(file.file()));
        if (Files.isRegularFile(file.file(), LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = Files.readAllBytes(file.file());
            entry.put("data", new String(bytes, StandardCharsets.UTF_8));
            about.put("id", sha256(bytes));
        } else {
            entry.putNull("data");
            about.putNull("id");
        }
        return entry;
    }

    private JsonNode media(String folder) throws EditorException, IOException {
        ArrayNode files = JSON.arrayNode();
        var page = paths.pageFolder(folder);
        if (page.isEmpty() || !Files.isDirectory(page.get().dir(), LinkOption.NOFOLLOW_LINKS)) {
            return files; // the CMS's shared media folder: photos live in each page's own folder
        }
        for (Path file : list(page.get().dir())) {
            if (paths.isImageName(file.getFileName().toString()) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                files.add(mediaFile(paths.image(paths.browserPath(file))));
            }
        }
        return files;
    }

    private ObjectNode mediaFile(ContentPaths.Located image) throws EditorException, IOException {
        if (!Files.isRegularFile(image.file(), LinkOption.NOFOLLOW_LINKS)) {
            throw new EditorException(404, "not_found", "There is no image " + paths.browserPath(image.file()) + ".");
        }
        byte[] bytes = Files.readAllBytes(image.file());
        return JSON.objectNode().put("id", sha256(bytes)).put("content", Base64.getEncoder().encodeToString(bytes))
                .put("encoding", "base64").put("path", paths.browserPath(image.file())).put("name", image.name());
    }

    /**
     * Saves one page: its language files (merged into those on disk) and the images added to it. A
     * translation the CMS holds nothing of its own for is not started.
     */
    private synchronized JsonNode persistEntry(JsonNode params) throws EditorException, IOException {
        if (params.path("options").path("useWorkflow").asBoolean(false)) {
            throw new EditorException(422, "unsupported", "The preview saves straight into content/; turn off the editorial workflow.");
        }
        JsonNode dataFiles = params.has("dataFiles") ? params.path("dataFiles") : JSON.arrayNode().add(params.path("entry"));
        if (!dataFiles.isArray() || dataFiles.isEmpty() || dataFiles.size() > config.languages().size()) {
            throw EditorException.badRequest("'dataFiles' must list the page's language files, one per language.");
        }
        Map<String, ContentPaths.Located> byLanguage = new LinkedHashMap<>();
        Map<String, FrontMatterMerge.Incoming> incoming = new LinkedHashMap<>();
        Path dir = null;
        ContentFields.SectionFields section = null;
        for (JsonNode dataFile : dataFiles) {
            ContentPaths.Located file = paths.entry(text(dataFile, "path"));
            if (dataFile.hasNonNull("newPath") && !text(dataFile, "newPath").equals(text(dataFile, "path"))) {
                throw new EditorException(422, "unsupported", "A page's folder cannot be renamed in the editor; rename it in content/ by hand.");
            }
            if (dir != null && !dir.equals(file.dir())) {
                throw EditorException.badRequest("One save holds the files of one page folder only.");
            }
            dir = file.dir();
            section = file.section();
            String lang = ContentPaths.language(file.name());
            if (byLanguage.put(lang, file) != null) {
                throw EditorException.badRequest("The language '" + lang + "' is sent twice.");
            }
            incoming.put(lang, FrontMatterMerge.Incoming.of(text(dataFile, "raw")));
        }
        String original = config.defaultLanguage();
        Map<String, Node> originalValues = originalValues(incoming, byLanguage, dir, original);
        FrontMatterMerge merge = new FrontMatterMerge(section);
        Map<Path, byte[]> writes = new LinkedHashMap<>();
        for (Map.Entry<String, ContentPaths.Located> file : byLanguage.entrySet()) {
            Path target = file.getValue().file();
            String existing = Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) ? Files.readString(target, StandardCharsets.UTF_8) : null;
            String merged = merge.merge(existing, incoming.get(file.getKey()), file.getKey().equals(original) ? null : originalValues);
            if (merged != null && !merged.equals(existing)) {
                writes.put(target, merged.getBytes(StandardCharsets.UTF_8));
            }
        }
        JsonNode assets = params.path("assets");
        if (!assets.isMissingNode() && !assets.isNull()) {
            if (!assets.isArray() || assets.size() > 20) {
                throw EditorException.badRequest("'assets' must be a list of at most 20 images.");
            }
            for (JsonNode asset : assets) {
                ContentPaths.Located image = paths.image(text(asset, "path"));
                if (!image.dir().equals(dir)) {
                    throw EditorException.forbiddenPath(text(asset, "path"), "a page's images go in its own folder, " + paths.browserPath(dir) + "/");
                }
                byte[] bytes = imageBytes(asset, image);
                if (!Files.isRegularFile(image.file()) || !java.util.Arrays.equals(bytes, Files.readAllBytes(image.file()))) {
                    writes.put(image.file(), bytes);
                }
            }
        }
        return apply(writes, Set.of(), "saved");
    }

    /** The default language's values: what the CMS sent for it, or else its file on disk. */
    private Map<String, Node> originalValues(Map<String, FrontMatterMerge.Incoming> incoming, Map<String, ContentPaths.Located> files, Path dir,
                                             String original) throws EditorException, IOException {
        if (incoming.containsKey(original)) {
            return incoming.get(original).values();
        }
        Path file = dir.resolve("index." + original + ".md");
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return FrontMatterMerge.Incoming.of(Files.readString(file, StandardCharsets.UTF_8)).values();
        }
        return Map.of();
    }

    private synchronized JsonNode persistMedia(JsonNode asset) throws EditorException, IOException {
        ContentPaths.Located image = paths.image(text(asset, "path"));
        if (!Files.isDirectory(image.dir(), LinkOption.NOFOLLOW_LINKS)) {
            throw new EditorException(422, "no_page", "Save the page first: its folder " + paths.browserPath(image.dir()) + "/ does not exist yet.");
        }
        byte[] bytes = imageBytes(asset, image);
        apply(Map.of(image.file(), bytes), Set.of(), "saved");
        return mediaFile(image);
    }

    /**
     * Deletes page files or images. When a page folder loses its last language file, the page is gone:
     * its images and the folder go with it.
     */
    private synchronized JsonNode delete(List<String> browserPaths) throws EditorException, IOException {
        if (browserPaths.isEmpty() || browserPaths.size() > 100) {
            throw EditorException.badRequest("'paths' must list between 1 and 100 files.");
        }
        Set<Path> deletes = new LinkedHashSet<>();
        Set<Path> dirs = new LinkedHashSet<>();
        for (String path : browserPaths) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            ContentPaths.Located file = paths.isEntryName(name) ? paths.entry(path) : paths.image(path);
            if (Files.isRegularFile(file.file(), LinkOption.NOFOLLOW_LINKS)) {
                deletes.add(file.file());
                dirs.add(file.dir());
            }
        }
        for (Path dir : dirs) {
            List<Path> left = list(dir).stream().filter(file -> !deletes.contains(file)).toList();
            if (left.stream().noneMatch(file -> paths.isEntryName(file.getFileName().toString()))) {
                for (Path file : left) {
                    String name = file.getFileName().toString();
                    if (!paths.isImageName(name) && !EditorFiles.isLeftover(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                        throw new EditorException(409, "folder_not_empty", "The page's folder " + paths.browserPath(dir) + "/ holds "
                                + name + ", which the editor does not manage; move it away first.");
                    }
                    deletes.add(file);
                }
                deletes.add(dir);
            }
        }
        return apply(Map.of(), deletes, "deleted");
    }

    /** Checks the change with the build's rules, then writes it; nothing is written when anything would break. */
    private JsonNode apply(Map<Path, byte[]> writes, Set<Path> deletes, String done) throws EditorException, IOException {
        ObjectNode answer = JSON.objectNode();
        ArrayNode changed = answer.putArray("changed");
        if (writes.isEmpty() && deletes.isEmpty()) {
            return answer.put("message", "nothing changed");
        }
        List<String> problems = check.newProblems(writes, deletes);
        if (!problems.isEmpty()) {
            throw EditorException.refused(problems);
        }
        List<String> touched = new ArrayList<>();
        Map<Path, Map<Path, byte[]>> byFolder = new LinkedHashMap<>();
        writes.forEach((file, bytes) -> byFolder.computeIfAbsent(file.getParent(), dir -> new LinkedHashMap<>()).put(file, bytes));
        for (Map.Entry<Path, Map<Path, byte[]>> folder : byFolder.entrySet()) {
            if (Files.isDirectory(folder.getKey(), LinkOption.NOFOLLOW_LINKS)) {
                for (Map.Entry<Path, byte[]> write : folder.getValue().entrySet()) {
                    WholeFile.write(write.getKey(), write.getValue());
                }
            } else {
                createFolder(folder.getKey(), folder.getValue());
            }
            folder.getValue().keySet().forEach(file -> touched.add(paths.browserPath(file)));
        }
        List<Path> ordered = new ArrayList<>(deletes);
        ordered.sort(java.util.Comparator.comparingInt(Path::getNameCount).reversed()); // files before their folder
        for (Path gone : ordered) {
            Files.deleteIfExists(gone);
            touched.add(paths.browserPath(gone));
        }
        touched.forEach(changed::add);
        log.accept("Editor " + done + " " + String.join(", ", touched));
        return answer.put("message", "entry " + done);
    }

    private JsonNode siteStatus() throws IOException {
        ContentCheck.Report report = ContentCheck.run(config);
        ObjectNode status = JSON.objectNode();
        ArrayNode languages = status.putArray("languages");
        config.languages().forEach(languages::add);
        ArrayNode pages = status.putArray("pages");
        TranslationStatus translations = report.translations();
        for (TranslationStatus.Row row : translations.rows()) {
            ObjectNode page = pages.addObject().put("page", row.page());
            ArrayNode missing = page.putArray("missing");
            for (int i = 0; i < translations.languages().size(); i++) {
                if (!row.present().get(i)) {
                    missing.add(translations.languages().get(i));
                }
            }
        }
        ArrayNode problems = status.putArray("problems");
        EditorException.lines(report.problems(), config.projectDir()).forEach(problems::add);
        return status;
    }

    /** The image an asset carries: base64, within the size limit, and the kind of image its name says. */
    private static byte[] imageBytes(JsonNode asset, ContentPaths.Located image) throws EditorException {
        if (!"base64".equals(asset.path("encoding").asText())) {
            throw EditorException.badRequest("An image must be sent base64-encoded (\"encoding\": \"base64\").");
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(text(asset, "content"));
        } catch (IllegalArgumentException e) {
            throw EditorException.badRequest("The image " + image.name() + " is not valid base64.");
        }
        if (bytes.length > MAX_IMAGE_BYTES) {
            throw new EditorException(413, "too_large", "The image " + image.name() + " is " + bytes.length / (1024 * 1024)
                    + " MB; save it at most 4000 pixels wide (under " + MAX_IMAGE_BYTES / (1024 * 1024) + " MB) and add it again.");
        }
        String extension = ContentPaths.extension(image.name());
        boolean fits = switch (extension) {
            case "jpg", "jpeg" -> startsWith(bytes, 0xFF, 0xD8, 0xFF);
            case "png" -> startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
            case "webp" -> startsWith(bytes, 'R', 'I', 'F', 'F') && bytes.length > 12 && new String(bytes, 8, 4, StandardCharsets.US_ASCII).equals("WEBP");
            default -> false;
        };
        if (!fits) {
            throw new EditorException(422, "not_an_image", "The file " + image.name() + " is not a " + extension.toUpperCase(java.util.Locale.ROOT)
                    + " image; export the photo again as JPEG (or PNG).");
        }
        return bytes;
    }

    private static boolean startsWith(byte[] bytes, int... magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** A new page folder appears whole: its files are written in a hidden folder beside it, which is then renamed. */
    private static void createFolder(Path dir, Map<Path, byte[]> files) throws IOException {
        Path hidden = dir.resolveSibling("." + dir.getFileName() + ".saving");
        if (Files.isDirectory(hidden, LinkOption.NOFOLLOW_LINKS)) {
            for (Path left : list(hidden)) {
                Files.delete(left); // from a save the machine did not finish
            }
        }
        Files.createDirectories(hidden);
        for (Map.Entry<Path, byte[]> file : files.entrySet()) {
            Files.write(hidden.resolve(file.getKey().getFileName().toString()), file.getValue());
        }
        try {
            Files.move(hidden, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(hidden, dir);
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private static String text(JsonNode node, String field) throws EditorException {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw EditorException.badRequest("'" + field + "' is missing or not text.");
        }
        return value.asText();
    }

    private static List<String> texts(JsonNode list) throws EditorException {
        if (!list.isArray()) {
            throw EditorException.badRequest("'paths' must be a list of paths.");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : list) {
            if (!item.isTextual()) {
                throw EditorException.badRequest("'paths' must hold text only.");
            }
            values.add(item.asText());
        }
        return values;
    }

    private static String printable(String text) {
        String clean = text.replaceAll("[^\\p{Alnum}_-]", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "..." : clean;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
