<#import "template.ftl" as layout>
<@layout.page>
    <#if notice??><div class="notice notice-success" role="status" id="password-notice">${notice}</div></#if>
    <#if error??><div class="notice notice-error" role="alert" id="password-error">${error}</div></#if>
    <#if passwordExpiry??><p id="password-expiry">${msg("passwordExpiryNote", passwordExpiry)}</p></#if>
    <#if password.connector()>
        <h2>${msg("passwordInAdHeading")}</h2>
        <p id="password-note">${password.gateMessage()}</p>
        <#if password.resetUrl()??>
            <p><a class="button" id="password-reset-link" href="${password.resetUrl()}">${msg("passwordResetLink")}</a></p>
        </#if>
    <#elseif password.trust()>
        <p id="password-intro">${msg("passwordTrustIntro", domain!"")}</p>
        <#if passwordRules??>
            <div id="password-rules"><p>${msg("passwordRulesIntro")}</p><ul><#list passwordRules as rule><li>${rule}</li></#list></ul></div>
        </#if>
        <form class="password-form" id="password-form" method="post" action="${pageUrl}">
            <input type="hidden" name="csrf" value="${csrf}">
            <div class="field">
                <label for="password-current">${msg("passwordCurrent")}</label>
                <input id="password-current" name="password-current" type="password" autocomplete="current-password" required>
            </div>
            <div class="field">
                <label for="password-new">${msg("passwordNew")}</label>
                <input id="password-new" name="password-new" type="password" autocomplete="new-password" required aria-describedby="password-new-hint">
                <p class="hint" id="password-new-hint">${msg("passwordNewHint")}</p>
            </div>
            <div class="field">
                <label for="password-confirm">${msg("passwordConfirm")}</label>
                <input id="password-confirm" name="password-confirm" type="password" autocomplete="new-password" required>
            </div>
            <button class="button" type="submit" id="password-submit">${msg("passwordSubmit")}</button>
        </form>
    <#else>
        <p id="password-intro">${msg("passwordKeycloakIntro")}</p>
        <p><a class="button" id="password-update-link" href="${password.updatePasswordUrl()}">${msg("passwordUpdateLink")}</a></p>
    </#if>
</@layout.page>
