package be.socialeinnovatiefabriek.radicale.site.links;

/** One address a built file makes a browser load or follow: the file, its line, what it is and the address as written. */
record Reference(String file, int line, String kind, String target) {

    /** A problem with this reference, as {@code file:line: kind target what is wrong; what to do}. */
    String problem(String whatIsWrong, String fix) {
        return file + ":" + line + ": " + kind + " " + target + " " + whatIsWrong + "; " + fix;
    }
}
