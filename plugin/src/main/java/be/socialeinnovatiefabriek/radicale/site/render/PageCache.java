package be.socialeinnovatiefabriek.radicale.site.render;

import be.socialeinnovatiefabriek.radicale.site.cache.PackCache;
import be.socialeinnovatiefabriek.radicale.site.plan.PageJob;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Pages as an earlier build rendered them, kept in a {@link PackCache}: a page whose template, model and UI strings
 * are those of a kept page is that page, and the build neither loads FreeMarker nor runs a template for it. The key is
 * a hash of everything the rendering reads: every file in the templates folder, the page's template name, its whole
 * model (each record component, list item and map entry, each text with its length, so that no two models share a
 * key), its language's UI strings, the JVM's default locale and time zone, and the renderer's code and libraries. A
 * model holding a value of a type not listed here is never kept: that page is always rendered.
 */
public final class PageCache {

    private static final byte[] RENDERER = PackCache.codeFingerprint(
            "be/socialeinnovatiefabriek/radicale/site/render/TemplateRenderer.class",
            "be/socialeinnovatiefabriek/radicale/site/render/ModelMaps.class",
            "org/jbake/template/FreemarkerTemplateEngine.class", "freemarker/template/Template.class");

    private final PackCache pack;
    private final byte[] templates;
    private final Map<Map<String, String>, byte[]> strings = new IdentityHashMap<>();
    /** The hash of every record of this build's models met so far, by identity. */
    private final Map<Record, byte[]> records = Collections.synchronizedMap(new IdentityHashMap<>());

    /** The pages kept in {@code pack}, for the templates now in {@code templateDir}. */
    public PageCache(PackCache pack, Path templateDir) throws IOException {
        this.pack = pack;
        this.templates = folderDigest(templateDir);
    }

    /** The key of {@code job}'s page with the UI strings {@code uiStrings}; null for a model this cache cannot key. */
    public String key(PageJob job, Map<String, String> uiStrings) {
        Digest digest = new Digest(records);
        digest.bytes(RENDERER);
        digest.bytes(templates);
        digest.bytes(stringsDigest(uiStrings));
        digest.text(job.template());
        digest.text(Locale.getDefault().toLanguageTag());
        digest.text(TimeZone.getDefault().getID());
        try {
            digest.value(job.model());
        } catch (Unkeyable e) {
            return null;
        }
        return digest.hex();
    }

    /** The page kept under {@code key}, or null. */
    public byte[] page(String key) {
        return pack.get(key);
    }

    /** Keeps {@code html} under {@code key}. */
    public void keep(String key, byte[] html) {
        pack.put(key, html);
    }

    private byte[] stringsDigest(Map<String, String> uiStrings) {
        synchronized (strings) {
            byte[] known = strings.get(uiStrings);
            if (known == null) {
                Digest digest = new Digest();
                try {
                    digest.value(new java.util.TreeMap<>(uiStrings));
                } catch (Unkeyable e) {
                    throw new IllegalStateException("UI strings are text", e);
                }
                known = digest.sha.digest();
                strings.put(uiStrings, known);
            }
            return known;
        }
    }

    /** A hash of every file under {@code folder}: its path in the folder and its bytes. */
    private static byte[] folderDigest(Path folder) throws IOException {
        Digest digest = new Digest();
        if (Files.isDirectory(folder)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(folder)) {
                files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
            }
            for (Path file : files) {
                digest.text(folder.relativize(file).toString().replace('\\', '/'));
                digest.bytes(Files.readAllBytes(file));
            }
        }
        return digest.sha.digest();
    }

    /** A model value of a type the key cannot tell apart by its content. */
    private static final class Unkeyable extends Exception {
        Unkeyable(Class<?> type) {
            super(type.getName(), null, false, false);
        }
    }

    /** SHA-256 over tagged, length-prefixed values: two different models never write the same bytes. */
    private static final class Digest {
        private static final MessageDigest SHA_256;

        static {
            try {
                SHA_256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        private final MessageDigest sha;
        private final byte[] number = new byte[8];
        /** The hash of each record met so far, by identity. */
        private final Map<Record, byte[]> records;

        Digest() {
            this(Collections.synchronizedMap(new IdentityHashMap<>()));
        }

        Digest(Map<Record, byte[]> records) {
            this.records = records;
            try {
                sha = (MessageDigest) SHA_256.clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
            }
        }

        void tag(char tag) {
            sha.update((byte) tag);
        }

        void number(long value) {
            for (int i = 0; i < 8; i++) {
                number[i] = (byte) (value >>> (56 - 8 * i));
            }
            sha.update(number);
        }

        void bytes(byte[] bytes) {
            number(bytes.length);
            sha.update(bytes);
        }

        void text(String text) {
            bytes(text.getBytes(StandardCharsets.UTF_8));
        }

        void value(Object value) throws Unkeyable {
            if (value == null) {
                tag('N');
            } else if (value instanceof String text) {
                tag('S');
                text(text);
            } else if (value instanceof Boolean flag) {
                tag(flag ? 'T' : 'F');
            } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                tag('J');
                number(((Number) value).longValue());
            } else if (value instanceof Double || value instanceof Float) {
                tag('D');
                number(Double.doubleToLongBits(((Number) value).doubleValue()));
            } else if (value instanceof Character character) {
                tag('C');
                number(character);
            } else if (value instanceof Enum<?> constant) {
                tag('E');
                text(constant.getDeclaringClass().getName());
                text(constant.name());
            } else if (value instanceof Record record) {
                // A record is hashed once per cache (the site, the menu, the editions: every page of a language shares
                // them), then stands in its pages by that hash.
                tag('R');
                byte[] known = records.get(record);
                if (known == null) {
                    Digest own = new Digest(records);
                    own.text(record.getClass().getName());
                    RecordComponent[] components = ModelMaps.components(record);
                    own.number(components.length);
                    for (int i = 0; i < components.length; i++) {
                        own.text(components[i].getName());
                        own.value(ModelMaps.read(record, i));
                    }
                    known = own.sha.digest();
                    records.put(record, known);
                }
                sha.update(known);
            } else if (value instanceof Map<?, ?> map) {
                tag('M');
                number(map.size());
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    value(entry.getKey());
                    value(entry.getValue());
                }
            } else if (value instanceof Collection<?> items) {
                tag(value instanceof List ? 'L' : 'C');
                number(items.size());
                for (Object item : items) {
                    value(item);
                }
            } else if (value instanceof TemporalAccessor || value instanceof URI || value instanceof Path) {
                // Values whose text says all they hold (an instant with its offset, an address, a path).
                tag('V');
                text(value.getClass().getName());
                text(value.toString());
            } else {
                throw new Unkeyable(value.getClass());
            }
        }

        String hex() {
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}
