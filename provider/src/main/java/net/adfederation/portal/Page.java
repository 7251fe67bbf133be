package net.adfederation.portal;

/** The portal's pages: where each lives below /account/, its template and its title's message key. */
enum Page {
    APPLICATIONS("", "applications.ftl", "pageApplications"),
    PROFILE("profile", "profile.ftl", "pageProfile"),
    PASSWORD("password", "password.ftl", "pagePassword"),
    SECURITY("security", "security.ftl", "pageSecurity"),
    DEVICES("devices", "devices.ftl", "pageDevices");

    final String path;
    final String template;
    final String titleKey;

    Page(String path, String template, String titleKey) {
        this.path = path;
        this.template = template;
        this.titleKey = titleKey;
    }
}
