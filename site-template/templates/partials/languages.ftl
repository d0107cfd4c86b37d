<#ftl output_format="HTML" strip_whitespace=true>
<#-- The language switch: this page in the other languages it exists in. -->
<#macro languageSwitch pg>
<#local otherLanguages = []>
<#list pg.alternates![] as alt>
  <#if alt.lang != lang>
    <#local otherLanguages = otherLanguages + [alt]>
  </#if>
</#list>
<#if otherLanguages?has_content>
<nav class="lang-switch" aria-label="${t["language.label"]}">
<ul>
<#list site.languages as language>
  <#if language.code == lang>
<li><span aria-current="true" lang="${language.code}">${language.name}</span></li>
  <#else>
    <#list otherLanguages as alt>
      <#if alt.lang == language.code>
<li><a href="${alt.path}" hreflang="${alt.lang}" lang="${alt.lang}">${alt.name}</a></li>
      </#if>
    </#list>
  </#if>
</#list>
</ul>
</nav>
</#if>
</#macro>

<#-- Every language's home page, each link in its own language (absolute: served for any address). -->
<#macro languageList>
<ul class="language-list">
<#list site.languages as language>
<li><a href="${language.path}" hreflang="${language.code}" lang="${language.code}">${language.name}</a></li>
</#list>
</ul>
</#macro>
