package be.socialeinnovatiefabriek.radicale.site.content;

import java.nio.file.Path;

/** Files that editors and file managers leave beside a source (.x.swp, x~, .DS_Store): never content, never published. */
public final class EditorFiles {

    private EditorFiles() {
    }

    /** Whether {@code file} is such a leftover, going by its name. */
    public static boolean isLeftover(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") || name.endsWith("~");
    }
}
