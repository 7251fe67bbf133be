/**
 * Talks to Active Directory and knows nothing of Keycloak: connections to a domain's DCs,
 * AD's name forms, codecs and bind sub-codes. Tested with a directory alone.
 */
package net.adfederation.directory;
