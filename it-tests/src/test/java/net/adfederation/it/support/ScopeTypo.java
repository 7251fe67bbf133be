package net.adfederation.it.support;

import java.util.List;
import java.util.stream.IntStream;

import net.adfederation.embeddedad.DirectoryAdmin;

/**
 * The deletion guard's case in AD: ten users in a group {@code <prefix>all}, six of them also in
 * {@code <prefix>typo}. Synchronised with the first as scope, then saved with the second (the
 * typo), a sync would remove four of ten (40 %). Closing it deletes what is left of it in AD.
 */
public final class ScopeTypo implements AutoCloseable {

    private final DirectoryAdmin corp;
    private final String prefix;
    private final List<String> sams;

    private ScopeTypo(DirectoryAdmin corp, String prefix) {
        this.corp = corp;
        this.prefix = prefix;
        this.sams = IntStream.range(0, 10).mapToObj(i -> prefix + i).toList();
    }

    /** Creates the ten users and both groups in CORP, under a fresh prefix starting with {@code start}. */
    public static ScopeTypo create(DirectoryAdmin corp, String start) {
        ScopeTypo typo = new ScopeTypo(corp, start + Long.toString(System.nanoTime() % 1_000_000, 36));
        typo.sams.forEach(sam -> corp.createUser(sam, "Passw0rd!Guard1", "G" + sam, "Guard", null));
        corp.createGroup(typo.allGroup());
        corp.createGroup(typo.typoGroup());
        typo.sams.forEach(sam -> corp.addToGroup(sam, typo.allGroup()));
        typo.sams.subList(0, 6).forEach(sam -> corp.addToGroup(sam, typo.typoGroup()));
        return typo;
    }

    public String prefix() {
        return prefix;
    }

    public List<String> sams() {
        return sams;
    }

    public String allGroup() {
        return prefix + "all";
    }

    public String typoGroup() {
        return prefix + "typo";
    }

    /** The sAMAccountNames of the four the typo leaves out. */
    public List<String> leftOut() {
        return sams.subList(6, 10);
    }

    public List<String> leftOutUpns() {
        return leftOut().stream().map(corp::upnOf).toList();
    }

    @Override
    public void close() {
        sams.forEach(sam -> {
            try {
                corp.deleteUser(sam);
            } catch (RuntimeException alreadyGone) {
                // the test deleted it
            }
        });
        corp.deleteGroup(allGroup());
        corp.deleteGroup(typoGroup());
    }
}
