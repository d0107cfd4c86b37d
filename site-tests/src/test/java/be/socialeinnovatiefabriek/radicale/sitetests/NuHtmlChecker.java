package be.socialeinnovatiefabriek.radicale.sitetests;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The Nu HTML Checker (the engine of validator.w3.org/nu) through its Java API, offline: its schemas
 * are bundled in the jar. Reports errors only, each as {@code path:line:col: message}.
 */
final class NuHtmlChecker {

    private static final String HTML_SCHEMA = "http://s.validator.nu/html5-all.rnc";

    private final SimpleDocumentValidator validator;
    private final List<String> errors = new ArrayList<>();
    private String shown;

    NuHtmlChecker() throws Exception {
        // No language detection: it only ever warns, and it is the slowest part of the checker.
        validator = new SimpleDocumentValidator(true, false, false);
        ErrorHandler collector = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // Warnings are advice; a page passes with no errors, as on validator.w3.org/nu.
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(shown + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        validator.setUpMainSchema(HTML_SCHEMA, new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) throws SAXException {
                throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                throw e;
            }
        });
        validator.setUpValidatorAndParsers(collector, false, false);
    }

    /** The errors in {@code page}, read as UTF-8 text/html, each starting with {@code shown}. */
    List<String> check(Path page, String shown) throws IOException, SAXException {
        errors.clear();
        this.shown = shown;
        validator.checkHtmlFile(page.toFile(), true);
        return List.copyOf(errors);
    }
}
