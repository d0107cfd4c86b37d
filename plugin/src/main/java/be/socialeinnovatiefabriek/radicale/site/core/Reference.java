package be.socialeinnovatiefabriek.radicale.site.core;

/** One address a built file makes a browser load or follow: the file, its line, what it is and the address as written. */
record Reference(String file, int line, String kind, String target) {

    /** The problem line for a reference that leads nowhere. */
    String pointsNowhere() {
        return file + ":" + line + ": " + kind + " " + target + " points to no page or file; fix the link or add the page it names";
    }
}
