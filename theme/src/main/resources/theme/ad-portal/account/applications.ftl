<#import "template.ftl" as layout>
<@layout.page>
    <p class="lead">${msg("applicationsIntro")}</p>
    <#if tiles?has_content>
        <ul class="tiles" aria-label="${msg("pageApplications")}">
            <#list tiles as tile>
                <li class="tile">
                    <h2 class="tile-name"><a class="tile-link" href="${tile.url()}" data-client-id="${tile.clientId()}">${tile.name()}</a></h2>
                    <#if tile.description()??><p class="tile-description">${tile.description()}</p></#if>
                    <p class="tile-access">${tile.access()}</p>
                </li>
            </#list>
        </ul>
    <#else>
        <p id="no-applications">${msg("applicationsNone")}</p>
    </#if>
</@layout.page>
