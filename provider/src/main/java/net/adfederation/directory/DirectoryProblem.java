package net.adfederation.directory;

/** What went wrong when reaching or checking a domain, in terms an admin can act on. */
public enum DirectoryProblem {
    /** No configured DC answered (connection refused, timeout, DNS). */
    UNREACHABLE,
    /** TLS failed: untrusted certificate or a host name the certificate does not name. */
    TLS,
    /** The DC refused the service account's bind. */
    BIND_REFUSED,
    /** A simple bind would travel unencrypted and allowInsecureBind is false. */
    INSECURE_BIND,
    /** The server answered but is not an AD domain controller. */
    NOT_ACTIVE_DIRECTORY,
    /** The DC serves another domain than the one configured. */
    DOMAIN_MISMATCH,
    /** No Kerberos ticket for the service account: wrong principal or password, KDC unreachable, or a one-way trust. */
    KERBEROS_REFUSED,
    /** Any other LDAP failure during an operation. */
    OPERATION_FAILED
}
