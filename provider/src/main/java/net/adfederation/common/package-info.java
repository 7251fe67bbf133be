/**
 * The settings both modes share (domain, DCs, bind identity, TLS, timeouts), parsed once, and the per-node registry of open domains.
 * Package rule: uses directory, directory.dc, directory.read (PackageRules, checked by ArchUnit).
 */
package net.adfederation.common;
