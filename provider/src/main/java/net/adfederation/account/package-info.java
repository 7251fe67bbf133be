/**
 * Whose user this is and what we tell them: the owner from the federation link, provider ids, AD attribute names, sign-in outcome, refusal texts.
 * Package rule: uses directory, directory.read, common (PackageRules, checked by ArchUnit).
 */
package net.adfederation.account;
