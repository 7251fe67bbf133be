<#import "template.ftl" as layout>
<@layout.page>
    <#if notice??><div class="notice notice-success" role="status" id="security-notice">${notice}</div></#if>
    <#if error??><div class="notice notice-error" role="alert" id="security-error">${error}</div></#if>
    <#if security.confirm()??>
        <#assign factor = security.confirm()>
        <section class="confirm" id="security-confirm" aria-labelledby="security-confirm-heading">
            <h2 id="security-confirm-heading">${msg("securityConfirmHeading")}</h2>
            <p>${msg("securityConfirmText", factor.type(), factor.label())}</p>
            <form method="post" action="${pageUrl}">
                <input type="hidden" name="csrf" value="${csrf}">
                <input type="hidden" name="credential" value="${factor.id()}">
                <button class="button button-danger" type="submit" id="security-confirm-remove">${msg("securityConfirmRemove")}</button>
                <a class="button button-secondary" id="security-confirm-cancel" href="${pageUrl}">${msg("securityConfirmCancel")}</a>
            </form>
        </section>
    </#if>
    <p class="lead">${msg("securityIntro")}</p>
    <#if security.factors()?has_content>
        <table class="facts" id="security-factors">
            <caption>${msg("securityFactors")}</caption>
            <thead>
            <tr><th scope="col">${msg("securityType")}</th><th scope="col">${msg("securityLabel")}</th><th scope="col">${msg("securityCreated")}</th><th scope="col"><span class="visually-hidden">${msg("securityActions")}</span></th></tr>
            </thead>
            <tbody>
            <#list security.factors() as factor>
                <tr data-credential-id="${factor.id()}">
                    <th scope="row">${factor.type()}</th><td>${factor.label()}</td><td>${factor.created()}</td>
                    <td><a class="remove-link" href="${pageUrl}?remove=${factor.id()?url("UTF-8")}" aria-label="${msg("securityRemoveLabel", factor.type(), factor.label())}">${msg("securityRemove")}</a></td>
                </tr>
            </#list>
            </tbody>
        </table>
    <#else>
        <p id="security-none">${msg("securityNone")}</p>
    </#if>
    <#if security.offers()?has_content>
        <h2 id="security-add-heading">${msg("securityAdd")}</h2>
        <p>${msg("securityAddIntro")}</p>
        <ul class="actions" aria-labelledby="security-add-heading">
            <#list security.offers() as offer>
                <li><a class="button" id="security-add-${offer.action()}" href="${offer.url()}">${offer.label()}</a></li>
            </#list>
        </ul>
    <#else>
        <p class="note" id="security-no-offers">${msg("securityNoOffers")}</p>
    </#if>
    <#if security.keysUnavailable()>
        <p class="note" id="security-keys-unavailable">${msg("securityKeysUnavailable")}</p>
    </#if>
    <p class="note">${msg("securityPasswordNote")}</p>
</@layout.page>
