package be.socialeinnovatiefabriek.radicale.vote.voting;

import be.socialeinnovatiefabriek.radicale.vote.store.VoteStore.SubmissionFacts;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The sections of the admin export that organisers read during an edition to see a vote being gamed:
 * submissions and counted votes per hour, the most frequent mail domains and clients, and how long
 * confirmations take. A domain or client is named only when at least {@value #MIN_GROUP} submissions share
 * it; the others are added up in one "other" line, so that no line stands for one person.
 */
final class AnomalyReport {

    /** The fewest submissions a named domain or client line stands for. */
    static final int MIN_GROUP = 5;
    /** The most domains, and the most clients, named. */
    static final int TOP = 10;
    /** Characters of a client hash shown: 64 bits, plenty to tell clients apart. */
    static final int CLIENT_HASH_SHOWN = 16;

    /** Where each delay bucket ends (seconds, exclusive); bots confirm in seconds, people in minutes or hours. */
    private static final long[] DELAY_BUCKET_ENDS = {10, 60, 600, 3_600, 6 * 3_600, Long.MAX_VALUE};
    private static final String[] DELAY_LABELS = {
        "under 10s", "10s to 1min", "1min to 10min", "10min to 1h", "1h to 6h", "6h or more",
    };

    private final Map<Instant, long[]> hours = new TreeMap<>();
    private final Map<String, Long> domains = new HashMap<>();
    private final Map<String, Long> clients = new HashMap<>();
    private final List<Long> delaySeconds = new ArrayList<>();

    /** Counts one submission's facts. */
    void submitted(SubmissionFacts facts) {
        hours.computeIfAbsent(facts.hour().truncatedTo(ChronoUnit.HOURS), hour -> new long[2])[0]++;
        if (facts.mailDomain() != null) {
            domains.merge(facts.mailDomain(), 1L, Long::sum);
        }
        clients.merge(facts.clientHash(), 1L, Long::sum);
    }

    /** Counts one counted vote (from the audit trail). */
    void counted(Instant countedAt) {
        hours.computeIfAbsent(countedAt.truncatedTo(ChronoUnit.HOURS), hour -> new long[2])[1]++;
    }

    /** Counts one confirmation that came {@code delay} after its submission. */
    void confirmedAfter(Duration delay) {
        delaySeconds.add(Math.max(0, delay.getSeconds()));
    }

    /** The sections, each a header line, its rows and a blank line. */
    void appendTo(StringBuilder csv) {
        csv.append("hour,submissions,counted\r\n");
        hours.forEach((hour, counts) -> row(csv, hour, counts[0], counts[1]));
        csv.append("\r\n");
        csv.append("mail_domain,submissions\r\n");
        top(csv, domains, "domain", domain -> domain);
        csv.append("\r\n");
        csv.append("client_hash,submissions\r\n");
        top(csv, clients, "client", hash -> hash.substring(0, Math.min(CLIENT_HASH_SHOWN, hash.length())));
        csv.append("\r\n");
        delays(csv);
    }

    private void delays(StringBuilder csv) {
        List<Long> sorted = new ArrayList<>(delaySeconds);
        sorted.sort(null);
        long[] buckets = new long[DELAY_BUCKET_ENDS.length];
        for (long seconds : sorted) {
            int bucket = 0;
            while (seconds >= DELAY_BUCKET_ENDS[bucket]) {
                bucket++;
            }
            buckets[bucket]++;
        }
        csv.append("confirmation_delay,confirmations\r\n");
        for (int i = 0; i < buckets.length; i++) {
            row(csv, DELAY_LABELS[i], buckets[i]);
        }
        csv.append("\r\n");
        csv.append("confirmation_delay_seconds,value\r\n");
        row(csv, "confirmations", sorted.size());
        if (!sorted.isEmpty()) {
            row(csv, "median", nearestRank(sorted, 50));
            row(csv, "p90", nearestRank(sorted, 90));
            row(csv, "max", sorted.get(sorted.size() - 1));
        }
        csv.append("\r\n");
    }

    /** The {@code percent}th percentile by the nearest-rank method: a delay that really occurred. */
    private static long nearestRank(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** The {@link #TOP} most frequent keys with at least {@link #MIN_GROUP} submissions, then the rest as "other". */
    private static void top(StringBuilder csv, Map<String, Long> counts, String kind,
                            UnaryOperator<String> shown) {
        List<Map.Entry<String, Long>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        long otherSubmissions = 0;
        int otherKeys = 0;
        for (int i = 0; i < ranked.size(); i++) {
            Map.Entry<String, Long> entry = ranked.get(i);
            if (i < TOP && entry.getValue() >= MIN_GROUP) {
                row(csv, shown.apply(entry.getKey()), entry.getValue());
            } else {
                otherSubmissions += entry.getValue();
                otherKeys++;
            }
        }
        if (otherKeys > 0) {
            row(csv, "other (" + otherKeys + " " + kind + (otherKeys == 1 ? ")" : "s)"), otherSubmissions);
        }
    }

    private static void row(StringBuilder csv, Object label, long... values) {
        csv.append(label);
        for (long value : values) {
            csv.append(',').append(value);
        }
        csv.append("\r\n");
    }
}
