<#import "template.ftl" as layout>
<@layout.page>
    <p class="notice notice-error" role="alert" id="sign-in-problem">${reason}</p>
    <p><a class="button" href="${retryUrl}">${msg("signInRetry")}</a></p>
</@layout.page>
