package be.socialeinnovatiefabriek.radicale.site.render;

import be.socialeinnovatiefabriek.radicale.site.cache.KnownTexts;
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
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Pages as an earlier build rendered them, kept in a {@link PackCache}: a page whose template, model and UI strings
 * are those of a kept page is that page, and the build neither loads FreeMarker nor runs a template for it. The key is
 * a hash of everything the rendering reads: every file in the templates folder, the page's template name, its whole
 * model (each record component, list item and map entry, each text with its length, so that no two models share a
 * key; a Markdown body's HTML by the key of the Markdown it was made from), its language's UI strings, the JVM's
 * default locale and time zone, and the renderer's code and libraries. A model holding a value of a type not listed
 * here is never kept: that page is always rendered.
 */
public final class PageCache {

    private static final byte[] RENDERER = PackCache.codeFingerprint(
            "be/socialeinnovatiefabriek/radicale/site/render/TemplateRenderer.class",
            "be/socialeinnovatiefabriek/radicale/site/render/ModelMaps.class",
            "org/jbake/template/FreemarkerTemplateEngine.class", "freemarker/template/Template.class");

    private final PackCache pack;
    private final KnownTexts known;
    private final byte[] templates;
    /** What the JVM's settings add to every key: its default locale and time zone. */
    private final String environment = Locale.getDefault().toLanguageTag() + " " + TimeZone.getDefault().getID();
    private final Map<Map<String, String>, byte[]> strings = new IdentityHashMap<>();
    /** The hash of every record of this build's models met so far, by identity. */
    private final Map<Record, byte[]> records = Collections.synchronizedMap(new IdentityHashMap<>());

    /**
     * The pages kept in {@code pack}, for the templates now in {@code templateDir}; a text in {@code known} stands in a
     * key by its hash there.
     */
    public PageCache(PackCache pack, Path templateDir, KnownTexts known) throws IOException {
        this.pack = pack;
        this.known = known;
        this.templates = folderDigest(templateDir);
    }

    /** The key of {@code job}'s page with the UI strings {@code uiStrings}; null for a model this cache cannot key. */
    public String key(PageJob job, Map<String, String> uiStrings) {
        Digest digest = new Digest(records, known);
        digest.bytes(RENDERER);
        digest.bytes(templates);
        digest.bytes(stringsDigest(uiStrings));
        digest.text(job.template());
        digest.text(environment);
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
                    digest.value(new TreeMap<>(uiStrings));
                } catch (Unkeyable e) {
                    throw new IllegalStateException("UI strings are text", e);
                }
                known = digest.finish();
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
        return digest.finish();
    }

    /** A model value of a type the key cannot tell apart by its content. */
    private static final class Unkeyable extends Exception {
        Unkeyable(Class<?> type) {
            super(type.getName(), null, false, false);
        }
    }

    /**
     * SHA-256 over tagged, length-prefixed values: two different models never write the same bytes. The bytes are
     * gathered and handed to SHA-256 in large pieces (a model is many small values).
     */
    private static final class Digest {
        private static final MessageDigest SHA_256;
        /** A record type's name and its components' names, hashed once per type. */
        private static final ClassValue<byte[]> SHAPES = new ClassValue<>() {
            @Override
            protected byte[] computeValue(Class<?> type) {
                Digest shape = new Digest(null, null);
                shape.text(type.getName());
                for (RecordComponent component : type.getRecordComponents()) {
                    shape.text(component.getName());
                }
                return shape.finish();
            }
        };

        static {
            try {
                SHA_256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        private final MessageDigest sha;
        private final byte[] buffer = new byte[4096];
        private int length;
        /** The hash of each record met so far, by identity. */
        private final Map<Record, byte[]> records;
        private final KnownTexts known;

        Digest() {
            this(Collections.synchronizedMap(new IdentityHashMap<>()), new KnownTexts());
        }

        Digest(Map<Record, byte[]> records, KnownTexts known) {
            this.records = records;
            this.known = known;
            try {
                sha = (MessageDigest) SHA_256.clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
            }
        }

        private void put(byte[] bytes) {
            if (length + bytes.length > buffer.length) {
                sha.update(buffer, 0, length);
                length = 0;
                if (bytes.length > buffer.length) {
                    sha.update(bytes);
                    return;
                }
            }
            System.arraycopy(bytes, 0, buffer, length, bytes.length);
            length += bytes.length;
        }

        void tag(char tag) {
            if (length == buffer.length) {
                sha.update(buffer, 0, length);
                length = 0;
            }
            buffer[length++] = (byte) tag;
        }

        void number(long value) {
            if (length + 8 > buffer.length) {
                sha.update(buffer, 0, length);
                length = 0;
            }
            for (int i = 0; i < 8; i++) {
                buffer[length++] = (byte) (value >>> (56 - 8 * i));
            }
        }

        void bytes(byte[] bytes) {
            number(bytes.length);
            put(bytes);
        }

        void text(String text) {
            bytes(text.getBytes(StandardCharsets.UTF_8));
        }

        void value(Object value) throws Unkeyable {
            if (value == null) {
                tag('N');
            } else if (value instanceof String text) {
                byte[] hash = known.hashOf(text);
                if (hash != null) {
                    tag('K'); // a Markdown body's HTML, by the key of what it was made from
                    put(hash);
                } else {
                    tag('S');
                    text(text);
                }
            } else if (value instanceof Boolean flag) {
                tag(flag ? 'T' : 'F');
            } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                tag('J');
                number(((Number) value).longValue());
            } else if (value instanceof Double || value instanceof Float) {
                tag('D');
                number(Double.doubleToLongBits(((Number) value).doubleValue()));
            } else if (value instanceof Character character) {
                tag('H');
                number(character);
            } else if (value instanceof Enum<?> constant) {
                tag('E');
                text(constant.getDeclaringClass().getName());
                text(constant.name());
            } else if (value instanceof Record record) {
                // A record is hashed once per cache (the site, the menu, the editions: every page of a language shares
                // them), then stands in its pages by that hash.
                tag('R');
                byte[] hashed = records.get(record);
                if (hashed == null) {
                    Digest own = new Digest(records, known);
                    own.put(SHAPES.get(record.getClass()));
                    int components = ModelMaps.components(record).length;
                    for (int i = 0; i < components; i++) {
                        own.value(ModelMaps.read(record, i));
                    }
                    hashed = own.finish();
                    records.put(record, hashed);
                }
                put(hashed);
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

        byte[] finish() {
            sha.update(buffer, 0, length);
            length = 0;
            return sha.digest();
        }

        String hex() {
            return HexFormat.of().formatHex(finish());
        }
    }
}
