package be.socialeinnovatiefabriek.radicale.site.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * One file of the built site: its key in the bucket ({@code nl/index.html}), where it is on disk, and the MD5 of
 * its bytes, which S3 gives back as the ETag of an object uploaded whole (SSE-S3), so that nothing unchanged is
 * uploaded again.
 */
public record SiteFile(String key, Path path, String md5) {

    /** Every file under {@code site}, in key order. */
    public static List<SiteFile> scan(Path site) throws IOException {
        List<SiteFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path path : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                String key = site.relativize(path).toString().replace('\\', '/');
                files.add(new SiteFile(key, path, md5(path)));
            }
        }
        files.sort((a, b) -> a.key().compareTo(b.key()));
        return files;
    }

    private static String md5(Path path) throws IOException {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), md5)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md5.digest());
    }
}
