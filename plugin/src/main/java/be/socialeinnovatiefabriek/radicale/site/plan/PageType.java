package be.socialeinnovatiefabriek.radicale.site.plan;

/**
 * The kinds of page of the site (the table in site-template/README.md): each has a template of its
 * name, and this is the one list of the pages kept out of search engines.
 */
public enum PageType {
    LANGUAGE_SELECT("language-select", true),
    HOME("home", true),
    NOT_FOUND("404", false),
    INNOVATORS("innovators", true),
    INNOVATOR("innovator", true),
    ARCHIVE("archive", true),
    EDITION("edition", true),
    VOTE("vote", true),
    RESULTS("results", true),
    // A status page answers a form post, and the posters are for staff: nothing to find from a search engine.
    VOTE_STATUS("vote-status", false),
    POSTERS("posters", false),
    NEWS("news", true),
    NEWS_ITEM("news-item", true),
    PAGE("page", true),
    ACCESSIBILITY("accessibility", true),
    THEMES("themes", true),
    THEME("theme", true);

    private final String name;
    private final boolean indexed;

    PageType(String name, boolean indexed) {
        this.name = name;
        this.indexed = indexed;
    }

    /** The template that renders this kind of page, such as innovator.ftl. */
    public String template() {
        return name + ".ftl";
    }

    /** Whether search engines may index a published page of this kind (the sitemap lists it; no noindex). */
    public boolean indexed() {
        return indexed;
    }

    /** The name templates know the type by, such as news-item. */
    @Override
    public String toString() {
        return name;
    }
}
