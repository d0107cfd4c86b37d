package be.socialeinnovatiefabriek.radicale.vote.ballot;

import be.socialeinnovatiefabriek.radicale.vote.settings.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Reads {@code <dir>/<id>.json} as the site build writes them, on demand, and again when a file's
 * modification time or size changes (so a rebuilt site is picked up without a restart).
 */
public final class BallotDirectory implements BallotSource {

    private static final Pattern ID = Pattern.compile("\\d{4}");

    private final Path directory;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

    public BallotDirectory(Path directory) {
        this.directory = directory;
    }

    @Override
    public Optional<Ballot> find(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Path file = directory.resolve(id + ".json");
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            loaded.remove(id);
            return Optional.empty();
        } catch (IOException e) {
            throw new InvalidBallot(new Problem(file.toString(), "cannot be read (" + e.getMessage() + ")",
                    "let the counter read the site build's ballots"), e);
        }
        Loaded known = loaded.get(id);
        if (known == null || !known.modified().equals(attributes.lastModifiedTime()) || known.size() != attributes.size()) {
            // A broken file is remembered too: it is read again only once it changes, not on every request.
            Loaded now;
            try {
                now = new Loaded(attributes.lastModifiedTime(), attributes.size(), read(file, id), null);
            } catch (InvalidBallot e) {
                now = new Loaded(attributes.lastModifiedTime(), attributes.size(), null, e);
            }
            loaded.put(id, now);
            known = now;
        }
        if (known.failure() != null) {
            throw known.failure();
        }
        return Optional.of(known.ballot());
    }

    private Ballot read(Path file, String id) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidBallot(new Problem(file.toString(), "cannot be read (" + e.getMessage() + ")",
                    "let the counter read the site build's ballots"), e);
        }
        return BallotParser.parse(bytes, id, file.toString());
    }

    /** What a version of the file gave: its ballot, or why it cannot be used. */
    private record Loaded(FileTime modified, long size, Ballot ballot, InvalidBallot failure) {
    }
}
