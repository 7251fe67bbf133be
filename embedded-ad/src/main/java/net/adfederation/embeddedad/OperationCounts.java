package net.adfederation.embeddedad;

/**
 * How many LDAP operations clients sent since the last reset, by kind; a snapshot that does not
 * change afterwards. "others" covers compare, rename and extended operations such as StartTLS.
 *
 * @param binds    simple and SASL binds
 * @param searches searches, the rootDSE read included
 * @param modifies modify requests
 * @param adds     add requests
 * @param deletes  delete requests
 * @param others   compare, modify DN and extended requests
 */
public record OperationCounts(long binds, long searches, long modifies, long adds, long deletes, long others) {

    /** All operations together. */
    public long total() {
        return binds + searches + modifies + adds + deletes + others;
    }
}
