<#-- The frame of every portal page: skip link, header with the signed-in user and sign-out, navigation, main. -->
<#macro page>
<!DOCTYPE html>
<html lang="${locale}">
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex, nofollow">
    <title>${title} - ${msg("portalName", realmName)}</title>
    <link rel="stylesheet" href="${resourceUrl}/css/portal.css">
</head>
<body>
<a class="skip-link" href="#main">${msg("skipToContent")}</a>
<header class="portal-header">
    <p class="portal-brand">${msg("portalName", realmName)}</p>
    <#if userName??>
        <div class="portal-user">
            <span id="signed-in-as">${msg("signedInAs", userName)}</span>
            <a id="sign-out" class="portal-sign-out" href="${signOutUrl}">${msg("signOut")}</a>
        </div>
    </#if>
</header>
<#if nav??>
    <nav class="portal-nav" aria-label="${msg("navLabel")}">
        <ul>
            <#list nav as item>
                <li><a href="${item.url()}"<#if item.current()> aria-current="page"</#if>>${item.label()}</a></li>
            </#list>
        </ul>
    </nav>
</#if>
<main id="main" class="portal-main" tabindex="-1">
    <h1>${title}</h1>
    <#nested>
</main>
</body>
</html>
</#macro>
