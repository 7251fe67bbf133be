/**
 * What Active Directory said, as Keycloak events an event listener, a SIEM and the admin console's
 * Events tabs see: sign-in refusals as details of Keycloak's own LOGIN_ERROR, password-gate refusals
 * as RESET_PASSWORD_ERROR, UPDATE_PASSWORD_ERROR and UPDATE_CREDENTIAL_ERROR, sync results as admin
 * events. Each counts in the metrics too.
 * Package rule: uses metrics, directory, common, account (PackageRules, checked by ArchUnit).
 */
package net.adfederation.events;
