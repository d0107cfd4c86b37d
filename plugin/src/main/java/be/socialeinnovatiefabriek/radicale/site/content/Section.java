package be.socialeinnovatiefabriek.radicale.site.content;

/** The sections of content/: each is a folder there, and the folder of its files on the site (/media/&lt;section&gt;/). */
public enum Section {
    INNOVATORS("innovators"),
    CAMPAIGNS("campaigns"),
    PAGES("pages"),
    NEWS("news"),
    /** The accessibility statement: one bundle, the section's folder itself. */
    ACCESSIBILITY("accessibility");

    private final String folder;

    Section(String folder) {
        this.folder = folder;
    }

    /** The folder's name, such as innovators. */
    public String folder() {
        return folder;
    }

    /** The folder's name, as it is written in paths and messages. */
    @Override
    public String toString() {
        return folder;
    }
}
