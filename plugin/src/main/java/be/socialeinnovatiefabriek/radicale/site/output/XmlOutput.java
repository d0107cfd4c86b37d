package be.socialeinnovatiefabriek.radicale.site.output;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes an XML file in memory with the JDK's StAX writer, which escapes every value; indented for people who open it. */
final class XmlOutput {

    /** What goes between the XML declaration and the end of the document. */
    @FunctionalInterface
    interface Body {
        void write(XmlOutput xml) throws XMLStreamException;
    }

    // The JDK's own implementation, not whichever StAX provider a dependency brings along.
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();
    /** Characters XML 1.0 cannot hold at all, not even escaped (a stray control character in a text). */
    private static final Pattern NOT_XML = Pattern.compile("[^\\t\\n\\r\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

    private final XMLStreamWriter writer;
    private int depth;

    private XmlOutput(XMLStreamWriter writer) {
        this.writer = writer;
    }

    /** The UTF-8 bytes of the document {@code body} writes. */
    static byte[] document(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16_384);
        try {
            XMLStreamWriter writer = FACTORY.createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
            writer.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            body.write(new XmlOutput(writer));
            writer.writeCharacters("\n");
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to memory failed: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /** The writer itself, for namespaces and attributes. */
    XMLStreamWriter raw() {
        return writer;
    }

    /** Opens an element on a line of its own. */
    void start(String prefix, String name, String namespace) throws XMLStreamException {
        newline();
        writer.writeStartElement(prefix, name, namespace);
        depth++;
    }

    /** Closes the element opened last, on a line of its own. */
    void end() throws XMLStreamException {
        depth--;
        newline();
        writer.writeEndElement();
    }

    /** An element holding only text, with attributes given as name, value pairs. */
    void text(String prefix, String name, String namespace, String text, String... attributes) throws XMLStreamException {
        newline();
        writer.writeStartElement(prefix, name, namespace);
        for (int i = 0; i < attributes.length; i += 2) {
            writer.writeAttribute(attributes[i], attributes[i + 1]);
        }
        writer.writeCharacters(NOT_XML.matcher(text).replaceAll(""));
        writer.writeEndElement();
    }

    /** An empty element with attributes given as name, value pairs. */
    void empty(String prefix, String name, String namespace, String... attributes) throws XMLStreamException {
        newline();
        writer.writeEmptyElement(prefix, name, namespace);
        for (int i = 0; i < attributes.length; i += 2) {
            writer.writeAttribute(attributes[i], attributes[i + 1]);
        }
    }

    private void newline() throws XMLStreamException {
        writer.writeCharacters("\n" + "  ".repeat(depth));
    }
}
