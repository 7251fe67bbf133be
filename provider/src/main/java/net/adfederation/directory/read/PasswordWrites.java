package net.adfederation.directory.read;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SimpleBindRequest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import net.adfederation.directory.AdBindErrors;
import net.adfederation.directory.BindOutcome;
import net.adfederation.directory.dc.DirectoryPools;

/**
 * Writes of unicodePwd, AD's password attribute: a user's change (delete the old value, add the
 * new, which AD checks against the old password and the policy) and an admin reset (replace).
 * AD takes them only over an encrypted connection, so an unencrypted one is refused here before
 * anything is sent. AD's refusals become {@link PasswordChange} outcomes.
 */
final class PasswordWrites {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(PasswordWrites.class);

    private final DirectoryPools pools;

    PasswordWrites(DirectoryPools pools) {
        this.pools = pools;
    }

    /**
     * Bound as the user when AD lets them bind; a user whose password expired or must change
     * cannot bind, so their change goes through the service account: the old value in the delete
     * still proves they know it (AD grants Change Password to everyone).
     */
    PasswordChange change(AdUser user, String current, String next) {
        // An empty simple bind is anonymous and succeeds: never send one.
        if (current == null || current.isEmpty()) return PasswordChange.WRONG_CURRENT_PASSWORD;
        Modification[] change = {
            new Modification(ModificationType.DELETE, "unicodePwd", encode(current)),
            new Modification(ModificationType.ADD, "unicodePwd", encode(next))};
        LDAPConnectionPool binds = pools.binds();
        LDAPConnection connection;
        try {
            connection = binds.getConnection();
        } catch (LDAPException e) {
            return outcome(e);
        }
        LDAPException failure = null;
        try {
            if (connection.getSSLSession() == null) return PasswordChange.NOT_ENCRYPTED;
            BindOutcome bind = bindAs(connection, user, current);
            if (bind == BindOutcome.PASSWORD_MUST_CHANGE || bind == BindOutcome.PASSWORD_EXPIRED) {
                return write(pools.reads(), user, change);
            }
            if (bind != BindOutcome.SUCCESS) return refusedBind(bind);
            connection.modify(user.dn(), change);
            return PasswordChange.CHANGED;
        } catch (LDAPException e) {
            failure = e;
            return outcome(e);
        } finally {
            // The bind pool binds each connection anew before use, so whom this one is bound as is harmless.
            if (failure == null) binds.releaseConnection(connection);
            else binds.releaseConnectionAfterException(connection, failure);
        }
    }

    private static BindOutcome bindAs(LDAPConnection connection, AdUser user, String password) {
        try {
            connection.bind(new SimpleBindRequest(user.dn(), password));
            return BindOutcome.SUCCESS;
        } catch (LDAPException e) {
            return AdBindErrors.fromLdapResult(e.getResultCode(), e.getDiagnosticMessage());
        }
    }

    private static PasswordChange refusedBind(BindOutcome bind) {
        return switch (bind) {
            case INVALID_CREDENTIALS -> PasswordChange.WRONG_CURRENT_PASSWORD;
            case DIRECTORY_UNAVAILABLE -> PasswordChange.DIRECTORY_UNAVAILABLE;
            default -> PasswordChange.OTHER_FAILURE;
        };
    }

    /** The service account replaces the password; it needs the Reset Password right on the user. */
    PasswordChange reset(AdUser user, String next) {
        return write(pools.reads(), user, new Modification(ModificationType.REPLACE, "unicodePwd", encode(next)));
    }

    private static PasswordChange write(LDAPConnectionPool pool, AdUser user, Modification... modifications) {
        LDAPConnection connection;
        try {
            connection = pool.getConnection();
        } catch (LDAPException e) {
            return outcome(e);
        }
        if (connection.getSSLSession() == null) {
            pool.releaseConnection(connection);
            return PasswordChange.NOT_ENCRYPTED;
        }
        try {
            connection.modify(user.dn(), modifications);
            pool.releaseConnection(connection);
            return PasswordChange.CHANGED;
        } catch (LDAPException e) {
            pool.releaseConnectionAfterException(connection, e);
            return outcome(e);
        }
    }

    /** AD's password refusals: the Win32 code in the diagnostic message tells policy from a wrong old password. */
    static PasswordChange outcome(LDAPException e) {
        String diagnostic = e.getDiagnosticMessage() == null ? "" : e.getDiagnosticMessage().toUpperCase(Locale.ROOT);
        if (AdBindErrors.isOutage(e.getResultCode())) return PasswordChange.DIRECTORY_UNAVAILABLE;
        if (diagnostic.contains("0000052D")) return policyRule(diagnostic);
        if (diagnostic.contains("00000056")) return PasswordChange.WRONG_CURRENT_PASSWORD;
        if (ResultCode.INSUFFICIENT_ACCESS_RIGHTS.equals(e.getResultCode())) return PasswordChange.NOT_PERMITTED;
        if (ResultCode.INVALID_CREDENTIALS.equals(e.getResultCode())) return PasswordChange.WRONG_CURRENT_PASSWORD;
        return PasswordChange.OTHER_FAILURE;
    }

    /**
     * Which rule a policy refusal broke, where the DC says so (Samba: "0000052D: Constraint violation -
     * check_password_restrictions: the password was already used (in history)!"); Windows DCs name no rule.
     */
    private static PasswordChange policyRule(String diagnostic) {
        LOG.infof("the DC refused a new password: %s", diagnostic);
        // Samba: "already used (in history)", or "(previous password)" for the password being replaced.
        if (diagnostic.contains("HISTORY") || diagnostic.contains("ALREADY USED")) return PasswordChange.PASSWORD_IN_HISTORY;
        if (diagnostic.contains("TOO SHORT")) return PasswordChange.PASSWORD_TOO_SHORT;
        if (diagnostic.contains("TOO YOUNG")) return PasswordChange.PASSWORD_TOO_YOUNG;
        if (diagnostic.contains("COMPLEXITY")) return PasswordChange.PASSWORD_NOT_COMPLEX;
        return PasswordChange.POLICY_VIOLATION;
    }

    /** AD's unicodePwd value: the password in double quotes, UTF-16LE. */
    static byte[] encode(String password) {
        return ("\"" + password + "\"").getBytes(StandardCharsets.UTF_16LE);
    }
}
