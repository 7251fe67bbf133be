<#import "template.ftl" as layout>
<@layout.page>
    <#if notice??><div class="notice notice-success" role="status" id="devices-notice">${notice}</div></#if>
    <#if error??><div class="notice notice-error" role="alert" id="devices-error">${error}</div></#if>
    <p class="lead">${msg("devicesIntro")}</p>
    <ul class="devices">
        <#list devices as device>
            <li class="device<#if device.current()> device-current</#if>" data-session-id="${device.id()}">
                <h2 class="device-name">${msg("devicesBrowserOn", device.browser(), device.system())}<#if device.current()> <span class="badge">${msg("devicesCurrent")}</span></#if></h2>
                <dl class="device-facts">
                    <dt>${msg("devicesAddress")}</dt><dd>${device.address()!""}</dd>
                    <dt>${msg("devicesStarted")}</dt><dd>${device.started()}</dd>
                    <dt>${msg("devicesLastAccess")}</dt><dd>${device.lastAccess()}</dd>
                    <dt>${msg("devicesApplications")}</dt><dd><#if device.applications()?has_content>${device.applications()?join(", ")}<#else>${msg("devicesNoApplications")}</#if></dd>
                </dl>
                <#if !device.current()>
                    <form method="post" action="${pageUrl}">
                        <input type="hidden" name="csrf" value="${csrf}">
                        <input type="hidden" name="session" value="${device.id()}">
                        <button class="button button-secondary" type="submit" aria-label="${msg("devicesSignOutOneLabel", device.browser(), device.system(), device.lastAccess())}">${msg("devicesSignOutOne")}</button>
                    </form>
                </#if>
            </li>
        </#list>
    </ul>
    <#if (devices?size > 1)>
        <form method="post" action="${pageUrl}">
            <input type="hidden" name="csrf" value="${csrf}">
            <input type="hidden" name="session" value="others">
            <button class="button" type="submit" id="devices-sign-out-others">${msg("devicesSignOutOthers")}</button>
        </form>
    </#if>
</@layout.page>
