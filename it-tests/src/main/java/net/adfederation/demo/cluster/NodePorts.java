package net.adfederation.demo.cluster;

/** Where one Keycloak node listens on loopback: HTTP, the management interface and JGroups (cluster traffic). */
public record NodePorts(int http, int management, int jgroups) {
}
