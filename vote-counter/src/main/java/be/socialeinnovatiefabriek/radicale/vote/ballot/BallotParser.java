package be.socialeinnovatiefabriek.radicale.vote.ballot;

import be.socialeinnovatiefabriek.radicale.vote.settings.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads and checks a ballot as the site build writes it, wherever it came from (a folder, the published site). */
public final class BallotParser {

    /** Every field of a ballot this parser reads (ballot/README.md at the top of the project describes them). */
    public static final List<String> FIELDS = List.of("id", "nominees", "opens", "closes", "results", "verification",
            "votesPerVoter", "languages", "titles", "names", "pages");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REBUILD = "rebuild the site and publish it again";
    private static final String FIX_CONTENT = "fix the edition's content and rebuild the site";

    private BallotParser() {
    }

    /** The ballot of edition {@code id} from the JSON the site build wrote; {@code source} names it in problems. */
    public static Ballot parse(byte[] bytes, String id, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new InvalidBallot(new Problem(source, "is not valid JSON (" + e.getOriginalMessage() + ")", REBUILD), e);
        } catch (IOException e) {
            throw new InvalidBallot(new Problem(source, "cannot be read (" + e.getMessage() + ")", REBUILD), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidBallot(List.of(new Problem(source, "does not hold a JSON object", REBUILD)));
        }
        List<String> problems = new ArrayList<>();
        if (!id.equals(root.path("id").asText())) {
            problems.add("'id' must be " + id + ", the file's name (got '" + root.path("id").asText() + "')");
        }
        List<String> nominees = strings(root.path("nominees"));
        if (nominees.isEmpty() || !nominees.stream().allMatch(slug -> SLUG.matcher(slug).matches())) {
            problems.add("'nominees' must list the nominees' slugs (lower-case letters, digits and '-')");
        }
        OffsetDateTime opens = time(root, "opens", problems);
        OffsetDateTime closes = time(root, "closes", problems);
        if (opens != null && closes != null && !opens.isBefore(closes)) {
            problems.add("'closes' (" + closes + ") must come after 'opens' (" + opens + ")");
        }
        String results = root.path("results").asText("after-close");
        if (!results.equals("after-close") && !results.equals("live")) {
            problems.add("'results' must be after-close or live (got '" + results + "')");
        }
        String verification = root.path("verification").asText("email");
        if (!verification.equals("email") && !verification.equals("none")) {
            problems.add("'verification' must be email or none (got '" + verification + "')");
        }
        int votesPerVoter = root.path("votesPerVoter").asInt(1);
        if (votesPerVoter < 1) {
            problems.add("'votesPerVoter' must be 1 or more (got " + root.path("votesPerVoter") + ")");
        }
        List<String> languages = strings(root.path("languages"));
        if (languages.isEmpty()) {
            problems.add("'languages' must list the site's languages, the default first");
        }
        if (!problems.isEmpty()) {
            throw new InvalidBallot(problems.stream().map(what -> new Problem(source, what, FIX_CONTENT)).toList());
        }
        return new Ballot(id, nominees, opens, closes, results, verification, votesPerVoter, languages,
                textMap(root.path("titles")), nested(root.path("names")), nested(root.path("pages")));
    }

    private static OffsetDateTime time(JsonNode root, String field, List<String> problems) {
        String text = root.path(field).asText("");
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            problems.add("'" + field + "' must be a date and time with offset like 2026-11-20T12:00+01:00 (got '" + text + "')");
            return null;
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asText()));
        return List.copyOf(values);
    }

    private static Map<String, String> textMap(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().asText()));
        return Map.copyOf(values);
    }

    private static Map<String, Map<String, String>> nested(JsonNode object) {
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> values.put(field.getKey(), textMap(field.getValue())));
        return Map.copyOf(values);
    }
}
