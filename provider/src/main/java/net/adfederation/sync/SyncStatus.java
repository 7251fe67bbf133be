package net.adfederation.sync;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.storage.user.SynchronizationResult;

/**
 * A sync's counts plus what the admin must read about it, in the status the admin console shows
 * after "Synchronize" and the admin event records: accounts refused by name (a UPN suffix their
 * forest does not own) and why removals were withheld, where the counts alone would only say
 * "failed sync! See server log".
 */
final class SyncStatus extends SynchronizationResult {

    private static final int MAX_NOTES = 10;

    private final List<String> notes = new ArrayList<>();
    private int moreNotes;
    private int mailsWithheld;

    /** Counts one item as failed and names it in the status. */
    synchronized void refuse(String why) {
        increaseFailed();
        note(why);
    }

    /** An e-mail address not imported (another forest's, or held by another user): named and counted, not failed. */
    synchronized void withholdMail(String why) {
        mailsWithheld++;
        note(why);
    }

    synchronized int mailsWithheld() {
        return mailsWithheld;
    }

    synchronized void note(String text) {
        if (notes.size() < MAX_NOTES) notes.add(text);
        else moreNotes++;
    }

    synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    @Override
    public synchronized String getStatus() {
        if (notes.isEmpty()) return super.getStatus();
        String mails = mailsWithheld == 0 ? "" : " " + mailsWithheld + " e-mail address" + (mailsWithheld == 1 ? "" : "es")
                + " not imported.";
        return super.getStatus() + mails + " " + String.join(" ", notes.stream().map(n -> n.endsWith(".") ? n : n + ".").toList())
                + (moreNotes > 0 ? " And " + moreNotes + " more, see the server log." : "");
    }
}
