package net.adfederation.directory.read;

/**
 * Text a user typed that may reach AD: a sign-in name, an e-mail address, an admin's search.
 * Refused before any directory request when it holds a control character (NUL, tab, CR/LF),
 * a line or paragraph separator (U+2028/2029), an invisible format character (zero-width,
 * bidi marks) or half a surrogate pair: AD and Samba may cut a name at a NUL and match the
 * rest ({@code alice%00x} as alice), and invisible characters let two names look alike. Text
 * longer than {@value #MAX_LENGTH} characters (more than any UPN or down-level name a person
 * types) is refused too.
 */
public final class TypedText {

    public static final int MAX_LENGTH = 256;

    private TypedText() {
    }

    /** True when the text may be sent to AD; false for null. */
    public static boolean acceptable(String text) {
        if (text == null || text.length() > MAX_LENGTH) return false;
        return text.codePoints().noneMatch(TypedText::hostile);
    }

    private static boolean hostile(int codePoint) {
        if (Character.isISOControl(codePoint)) return true;
        int type = Character.getType(codePoint);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE;
    }
}
