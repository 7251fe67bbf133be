package net.adfederation.directory.dc;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * The save check of Keycloak's Kerberos service key: the keytab file, the principal's keys in it and
 * a KDC of its realm, each problem worded for the admin (and the log) with what to do about it.
 * The keytab is read here rather than with {@code javax.security.auth.kerberos.KeyTab}, which hides
 * the RC4 keys Java 17 no longer accepts, so "only RC4 keys" would read as "no keys".
 */
public final class ServiceKeytab {

    /** What Java 17 says when a ticket is encrypted with RC4, quoted so admins find it in their logs. */
    public static final String RC4_ONLY_HINT = "Java 17 refuses RC4 tickets (\"Encryption type RC4 with HMAC is not "
            + "supported/enabled\"): tick AES 128/256 on the service account (msDS-SupportedEncryptionTypes=24), "
            + "set a new password and export the keytab again";

    /** Enctypes Java 17 accepts by default: AES (17, 18, 19, 20). DES (1, 3) and RC4 (23, 24) it refuses. */
    private static final Set<Integer> ACCEPTED = Set.of(17, 18, 19, 20);

    private ServiceKeytab() {
    }

    /** The principal's key types in the keytab at {@code file} (by principal, upper-case realm), or a problem sentence. */
    public static Optional<String> problemOf(Path file, String principal) {
        if (principal == null || !principal.matches("[^@/\\s]+/[^@\\s]+@[^@\\s]+")) {
            return Optional.of("The server principal \"" + principal + "\" is not of the form HTTP/host@REALM "
                    + "(for example HTTP/keycloak.corp.example.test@CORP.EXAMPLE.TEST).");
        }
        if (file == null || !Files.isRegularFile(file) || !Files.isReadable(file)) {
            return Optional.of("The keytab " + file + " cannot be read: the file is missing or not readable by the "
                    + "user Keycloak runs as.");
        }
        Map<String, List<Integer>> keys;
        try {
            keys = entries(file);
        } catch (IOException e) {
            return Optional.of("The keytab " + file + " cannot be read: " + e.getMessage());
        }
        List<Integer> types = keys.getOrDefault(normalised(principal), List.of());
        if (types.isEmpty()) {
            return Optional.of("The keytab " + file + " holds no key of " + principal + " (it holds "
                    + (keys.isEmpty() ? "no keys" : String.join(", ", keys.keySet())) + "): register the SPN on the "
                    + "service account and export its keytab (samba-tool domain exportkeytab --principal=" + principal
                    + ", or ktpass -princ " + principal + ").");
        }
        if (types.stream().noneMatch(ACCEPTED::contains)) {
            return Optional.of("The keytab " + file + " holds only RC4 or DES keys of " + principal + ". " + RC4_ONLY_HINT + ".");
        }
        return Optional.empty();
    }

    /**
     * Whether a KDC of the principal's realm answers, asked with the keytab's key as a client would
     * (a TGT request), within {@code timeout}. AD answers "client not found" for a principal that is
     * only an SPN: that is an answer, so fine. Keys of an older password are named as such.
     */
    public static Optional<String> kdcProblem(Path file, String principal, Duration timeout) {
        String realm = principal.substring(principal.lastIndexOf('@') + 1);
        FutureTask<Optional<String>> ask = new FutureTask<>(() -> askKdc(file, principal, realm));
        Thread asker = new Thread(ask, "kdc-check-" + realm);
        asker.setDaemon(true);
        asker.start();
        try {
            return ask.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            asker.interrupt();
            return Optional.of(unreachable(realm, "no answer within " + timeout.toSeconds() + " s"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(unreachable(realm, "interrupted"));
        } catch (ExecutionException e) {
            return Optional.of(unreachable(realm, String.valueOf(e.getCause())));
        }
    }

    private static Optional<String> askKdc(Path file, String principal, String realm) {
        try {
            new LoginContext("adfed-kdc-check", null, callbacks -> {
                throw new javax.security.auth.callback.UnsupportedCallbackException(callbacks[0]);
            }, initiator(file, principal)).login();
            return Optional.empty();
        } catch (LoginException e) {
            if (networkFailure(e)) return Optional.of(unreachable(realm, String.valueOf(rootCause(e))));
            String why = String.valueOf(e.getMessage());
            String lower = why.toLowerCase(Locale.ROOT);
            if (lower.contains("not found in kerberos database")) return Optional.empty();
            if (lower.contains("pre-authentication") || lower.contains("checksum failed") || lower.contains("integrity check")) {
                return Optional.of("The KDC of " + realm + " refused the keytab's key of " + principal + " (" + why
                        + "): the keytab is older than the account's password; export it again.");
            }
            if (lower.contains("rc4")) return Optional.of(RC4_ONLY_HINT + " (" + why + ").");
            if (lower.contains("kdc") || lower.contains("timed out") || lower.contains("connect")
                    || lower.contains("unreachable") || lower.contains("refused")) {
                return Optional.of(unreachable(realm, why));
            }
            return Optional.empty(); // the KDC answered with something else: it is reachable
        }
    }

    /** Java reports a KDC it cannot reach by the socket's exception, often with no message of its own. */
    private static boolean networkFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketException || t instanceof java.net.SocketTimeoutException
                    || t instanceof java.net.UnknownHostException) return true;
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        return root;
    }

    private static String unreachable(String realm, String why) {
        return "No KDC of " + realm + " answered (" + why + "): check the realm's kdc entries in the krb5.conf given "
                + "to Keycloak (-Djava.security.krb5.conf) or DNS, and that port 88 is open.";
    }

    private static Configuration initiator(Path file, String principal) {
        Map<String, String> options = new HashMap<>();
        options.put("useKeyTab", "true");
        options.put("keyTab", file.toString());
        options.put("principal", principal);
        options.put("doNotPrompt", "true");
        options.put("storeKey", "false");
        options.put("isInitiator", "true");
        options.put("refreshKrb5Config", "true");
        AppConfigurationEntry entry = new AppConfigurationEntry("com.sun.security.auth.module.Krb5LoginModule",
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options);
        return new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[]{entry};
            }
        };
    }

    /** Principal (name@REALM) to the key types it has in the file (MIT keytab format 0x502; 0x501 has host order, rare). */
    static Map<String, List<Integer>> entries(Path file) throws IOException {
        Map<String, List<Integer>> keys = new HashMap<>();
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
            int version = in.readUnsignedShort();
            if (version != 0x0502) throw new IOException("not a keytab of format 0x502 (found 0x" + Integer.toHexString(version) + ")");
            while (true) {
                int size;
                try {
                    size = in.readInt();
                } catch (EOFException end) {
                    break;
                }
                if (size == 0) break;
                byte[] record = in.readNBytes(Math.abs(size));
                if (record.length < Math.abs(size)) throw new IOException("the file ends inside an entry");
                if (size < 0) continue; // a hole left by a removed entry
                DataInputStream entry = new DataInputStream(new java.io.ByteArrayInputStream(record));
                int components = entry.readUnsignedShort();
                String realm = text(entry);
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < components; i++) parts.add(text(entry));
                entry.readInt(); // name type
                entry.readInt(); // timestamp
                entry.readUnsignedByte(); // kvno (8 bits)
                int keyType = entry.readUnsignedShort();
                keys.computeIfAbsent(normalised(String.join("/", parts) + "@" + realm), k -> new ArrayList<>()).add(keyType);
            }
        }
        return keys;
    }

    private static String text(DataInputStream in) throws IOException {
        int length = in.readUnsignedShort();
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** Service and host as given, realm upper-case: how KDCs compare them. */
    private static String normalised(String principal) {
        int at = principal.lastIndexOf('@');
        return principal.substring(0, at) + "@" + principal.substring(at + 1).toUpperCase(Locale.ROOT);
    }

    /** The key types of every principal in the file, for the log ("HTTP/host@REALM: 17, 18"). */
    public static String describe(Path file) {
        try {
            return entries(file).entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().stream().distinct()
                    .map(String::valueOf).collect(Collectors.joining(", "))).collect(Collectors.joining("; "));
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
