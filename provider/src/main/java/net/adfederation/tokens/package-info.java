/**
 * The token mappers for AD users of either mode: the AD identity claims and the AD groups claim.
 * May use {@code account} and {@code directory}; never {@code connector}, {@code trust} or {@code sync}.
 */
package net.adfederation.tokens;
