<#-- After the password step: the AD password expires soon. Texts come worded from the server (ad-portal bundles), so any login theme can show this page. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${adPasswordExpiry.title()}
    <#elseif section = "form">
        <p id="ad-password-expiry" class="${properties.kcFormGroupClass!}">${adPasswordExpiry.text()}</p>
        <form id="ad-password-expiry-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <div class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcFormActionGroupClass!}">
                    <#if adPasswordExpiry.changeHere()>
                        <button id="ad-change-now" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit" name="adPasswordExpiry" value="change">${adPasswordExpiry.changeLabel()}</button>
                    <#elseif adPasswordExpiry.changeUrl()??>
                        <a id="ad-change-now" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" href="${adPasswordExpiry.changeUrl()}" target="_blank" rel="noopener">${adPasswordExpiry.changeLabel()}</a>
                    </#if>
                    <button id="ad-later" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" type="submit" name="adPasswordExpiry" value="later">${adPasswordExpiry.laterLabel()}</button>
                </div>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
