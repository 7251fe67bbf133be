package net.adfederation.directory;

import java.net.URI;

/**
 * One DC as the admin's status view shows it: probed just now with a new connection and a rootDSE
 * read (bounded by connectTimeoutMs + readTimeoutMs), next to what the back-off knew before.
 *
 * @param url       the DC
 * @param state     {@link #UP}, {@link #BACKED_OFF} (known down: new connections pass it by) or {@link #UNREACHABLE}
 * @param latencyMs how long the probe took, answered or not
 * @param error     why the probe failed; null when it answered
 */
public record DcHealth(URI url, String state, long latencyMs, String error) {

    public static final String UP = "up";
    public static final String BACKED_OFF = "backed-off";
    public static final String UNREACHABLE = "unreachable";
}
