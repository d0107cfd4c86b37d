package be.socialeinnovatiefabriek.radicale.site.plan;

import java.util.List;

/** A theme with its page and how many innovators work on it; its own page also lists them ({@code innovators}, null in the list of themes). */
public record ThemeView(String id, String label, String path, int count, List<InnovatorView> innovators) {
}
