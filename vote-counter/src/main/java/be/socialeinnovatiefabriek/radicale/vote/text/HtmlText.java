package be.socialeinnovatiefabriek.radicale.vote.text;

/** Text made safe to place in HTML content and in quoted attribute values. */
public final class HtmlText {

    private HtmlText() {
    }

    /** {@code text} with &amp;, &lt;, &gt;, quotes and apostrophes escaped; null becomes "". */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
