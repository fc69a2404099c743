package org.recordflow.casefile;

import java.util.regex.Pattern;

/** Checks that a record holder can be reached on the channel chosen for it. */
final class HolderContacts {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MIN_FAX_DIGITS = 10;

    private HolderContacts() {
    }

    static boolean isEmail(String value) {
        return EMAIL.matcher(value).matches();
    }

    static boolean isFax(String value) {
        return value.chars().filter(Character::isDigit).count() >= MIN_FAX_DIGITS && value.matches("[0-9+()\\-. ]+");
    }

    static boolean hasAddressFor(CaseOpening.HolderEntry holder) {
        return switch (holder.channel()) {
            case EMAIL -> holder.email() != null;
            case FAX -> holder.fax() != null;
            case MAIL -> holder.address() != null;
            case PORTAL -> holder.address() != null && holder.address().matches("(?i)https?://\\S+");
        };
    }

    static String missingAddressMessage(SendChannel channel) {
        return switch (channel) {
            case EMAIL -> "sending by e-mail needs an e-mail address";
            case FAX -> "sending by fax needs a fax number";
            case MAIL -> "sending by mail needs a mailing address";
            case PORTAL -> "sending through a portal needs the portal's URL (https://...)";
        };
    }
}
