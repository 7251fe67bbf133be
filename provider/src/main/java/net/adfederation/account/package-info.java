/**
 * Whose user this is and what we tell them: the owner from the federation link, provider ids, AD attribute names, sign-in outcome, refusal texts.
 * May use {@code common} and {@code directory}; imports neither {@code connector} nor {@code trust}, which use it.
 */
package net.adfederation.account;
