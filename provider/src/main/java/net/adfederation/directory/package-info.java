/**
 * Talks to Active Directory and knows nothing of Keycloak: connections to a domain's DCs, AD's name forms, codecs, bind sub-codes, trusts.
 * May use the UnboundID LDAP SDK and the JDK only, so it is tested with a directory alone.
 */
package net.adfederation.directory;
