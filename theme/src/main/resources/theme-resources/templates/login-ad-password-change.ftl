<#-- A new AD password at sign-in, as the user's own change in AD: current password, new, again. Texts come worded from the server. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
    <#if section = "header">
        ${adPasswordChange.title()}
    <#elseif section = "form">
        <form id="ad-password-change-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <#list [["password-current", adPasswordChange.currentLabel(), "current-password"], ["password-new", adPasswordChange.newLabel(), "new-password"], ["password-confirm", adPasswordChange.confirmLabel(), "new-password"]] as f>
            <div class="${properties.kcFormGroupClass!}">
                <label for="${f[0]}" class="${properties.kcLabelClass!}">${f[1]}</label>
                <span class="${properties.kcInputClass!}">
                    <input id="${f[0]}" name="${f[0]}" type="password" autocomplete="${f[2]}" <#if f?index == 0>autofocus</#if>/>
                </span>
            </div>
            </#list>
            <#if adPasswordChange.rules()?has_content>
            <div id="ad-password-rules" class="${properties.kcFormGroupClass!}">
                <p>${adPasswordChange.rulesIntro()}</p>
                <ul><#list adPasswordChange.rules() as rule><li>${rule}</li></#list></ul>
            </div>
            </#if>
            <div class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcFormActionGroupClass!}">
                    <button id="kc-submit" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit" name="login">${adPasswordChange.submitLabel()}</button>
                </div>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
