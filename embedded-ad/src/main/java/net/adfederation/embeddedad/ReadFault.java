package net.adfederation.embeddedad;

/**
 * Ways a DC can hand a reader less than all of the answer, for tests that a reader notices:
 * {@link EmbeddedActiveDirectory#injectFault(ReadFault)} makes every paged search and (for limits and
 * referrals) every unpaged subtree search, the ways synchronisation reads, or ranged attribute read
 * fail so until {@link EmbeddedActiveDirectory#clearFault()}.
 */
public enum ReadFault {
    /** The first page ends with sizeLimitExceeded, as a DC's MaxResultSetSize would end it. */
    SIZE_LIMIT_EXCEEDED,
    /** The first page ends with timeLimitExceeded (MaxQueryDuration). */
    TIME_LIMIT_EXCEEDED,
    /** The first page ends with adminLimitExceeded. */
    ADMIN_LIMIT_EXCEEDED,
    /** The search is answered with a referral to another DC instead of entries. */
    REFERRAL,
    /** Every page carries the same cookie, and the search starts over with it: the first page comes again and again. */
    REPEATING_COOKIE,
    /**
     * Every page carries a new cookie, and the pages after the first are empty (as AD sends empty
     * pages while a slow search goes on): it never ends, without repeating a page.
     */
    ENDLESS_COOKIES,
    /** A request for a further value range (member;range=1500-*) gets the entry without the attribute. */
    MISSING_RANGE,
    /** A request for a further value range gets the first range again. */
    REPEATED_RANGE
}
