package be.socialeinnovatiefabriek.radicale.site.links;

import be.socialeinnovatiefabriek.radicale.site.Problem;
import java.nio.file.Path;

/** One address a built file makes a browser load or follow: the file (below the site's root), its line, what it is and the address as written. */
record Reference(String file, int line, String kind, String target) {

    /** A problem with this reference in the site under {@code root}; it reads {@code file:line: kind target what is wrong; what to do}. */
    Problem problem(Path root, String whatIsWrong, String fix) {
        return new Problem(root.resolve(file), line, kind + " " + target + " " + whatIsWrong, fix);
    }
}
