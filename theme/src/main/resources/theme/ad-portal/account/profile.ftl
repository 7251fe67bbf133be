<#import "template.ftl" as layout>
<@layout.page>
    <p class="lead" id="profile-summary">${profile.summary()}</p>
    <table class="facts">
        <caption>${msg("profileDetails")}</caption>
        <thead>
        <tr><th scope="col">${msg("profileField")}</th><th scope="col">${msg("profileValue")}</th><th scope="col">${msg("profileSource")}</th></tr>
        </thead>
        <tbody>
        <#list profile.facts() as fact>
            <tr><th scope="row">${fact.label()}</th><td>${fact.value()}</td><td class="source">${fact.source()}</td></tr>
        </#list>
        </tbody>
    </table>
    <#if profile.groupsSource()??>
        <h2 id="groups-heading">${msg("profileGroups")}</h2>
        <p class="source" id="groups-source">${msg("profileSource")}: ${profile.groupsSource()}</p>
        <#if profile.groups()??>
            <#if profile.groups()?has_content>
                <p>${msg("profileGroupsNested")}</p>
                <ul class="groups" aria-labelledby="groups-heading">
                    <#list profile.groups() as group><li>${group}</li></#list>
                </ul>
            <#else>
                <p>${msg("profileNoGroups")}</p>
            </#if>
        </#if>
    </#if>
    <p class="note">${msg("profileReadOnly")}</p>
</@layout.page>
