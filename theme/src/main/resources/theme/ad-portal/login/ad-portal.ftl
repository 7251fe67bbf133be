<#-- Pieces the ad-portal pages share; the layout stays keycloak.v2's template.ftl. -->
<#import "field.ftl" as field>

<#-- "alice, alice@corp.example.test or CORP\alice": the names a user of the realm's AD domains may type. -->
<#macro nameForms forms>
  <#assign examples = forms.examples(msg("adNameFormsExampleAccount"))>
  ${msg("adNameFormsIntro")}
  <#list examples as example><span class="ad-name-form">${example}</span><#sep><#if example?index == examples?size - 2> ${msg("adNameFormsOr")} <#else>, </#if></#sep></#list>.
</#macro>

<#-- The username field of the login form, described by the name forms and by an AD notice when there is one. -->
<#macro usernameField label value error autocomplete>
  <#assign describedBy = []>
  <#if adNotice??><#assign describedBy += ["ad-notice"]></#if>
  <#if adNameForms??><#assign describedBy += ["ad-name-forms"]></#if>
  <#if error?has_content><#assign describedBy += ["input-error-username"]></#if>
  <@field.group name="username" label=label error=error>
    <span class="${properties.kcInputClass} <#if error?has_content>${properties.kcError}</#if>">
      <input id="username" name="username" value="${value}" type="text" autocomplete="${autocomplete}" autofocus
             autocapitalize="none" spellcheck="false"
             <#if error?has_content>aria-invalid="true"</#if>
             <#if describedBy?has_content>aria-describedby="${describedBy?join(' ')}"</#if>/>
      <@field.errorIcon error=error/>
    </span>
    <#if adNameForms??>
      <div class="${properties.kcFormHelperTextClass}">
        <div class="${properties.kcInputHelperTextClass}">
          <div class="${properties.kcInputHelperTextItemClass}">
            <span class="${properties.kcInputHelperTextItemTextClass}" id="ad-name-forms"><@nameForms forms=adNameForms/></span>
          </div>
        </div>
      </div>
    </#if>
  </@field.group>
</#macro>

<#-- A PatternFly inline alert; its title is for everyone, its severity also for screen readers. -->
<#macro alert id severity title>
  <div id="${id}" class="${properties.kcAlertClass!} pf-m-${severity}">
    <div class="${properties.kcAlertIconClass!}">
      <#if severity = "danger"><span class="${properties.kcFeedbackErrorIcon!}" aria-hidden="true"></span>
      <#elseif severity = "warning"><span class="${properties.kcFeedbackWarningIcon!}" aria-hidden="true"></span>
      <#else><span class="${properties.kcFeedbackInfoIcon!}" aria-hidden="true"></span></#if>
    </div>
    <h2 class="${properties.kcAlertTitleClass!}"><span class="pf-v5-screen-reader">${msg("adAlertSeverity." + severity)}</span>${title}</h2>
    <div class="${properties.kcAlertDescriptionClass!}"><#nested></div>
  </div>
</#macro>

<#-- What AD said about the account (or where its password is reset), with the reset page as a link. -->
<#macro notice notice>
  <@alert id="ad-notice" severity=notice.severity().modifier() title=msg("adNoticeTitle." + notice.kind())>
    <p><#list notice.parts() as part><#if part.link()><a href="${part.text()}">${part.text()}</a><#else>${part.text()}</#if></#list></p>
  </@alert>
</#macro>

<#-- Connector mode's forgot-password page: said before anyone submits it. -->
<#macro passwordGate gate>
  <@alert id="ad-password-gate" severity="info" title=msg("adPasswordGateTitle")>
    <p>${msg("adPasswordGateExplanation", gate.domain())}</p>
    <p>
      <#if gate.resetUrls()?has_content>
        ${msg("adPasswordGateResetAt")}
        <#list gate.resetUrls() as url><a href="${url}">${url}</a><#sep> ${msg("adNameFormsOr")} </#sep></#list>,
        ${msg("adPasswordGateOtherwise")}
      <#else>
        ${msg("adPasswordGateNoResetPage")}
      </#if>
    </p>
  </@alert>
</#macro>
