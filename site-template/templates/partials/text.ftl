<#ftl output_format="HTML" strip_whitespace=true>
<#-- Values as text: numbers, statuses and phases; the lang of UI labels; texts from Markdown. -->

<#-- Digits only, whatever the locale (a year must not become "2.026"); strings pass unchanged. -->
<#function plain value>
  <#if value?is_number>
    <#return value?c>
  </#if>
  <#return value>
</#function>

<#-- Static keys (no "status." + x) so that every key can be found by reading the templates. -->
<#function statusText status>
  <#if status == "draft">
    <#return t["status.draft"]>
  <#elseif status == "scheduled">
    <#return t["status.scheduled"]>
  <#elseif status == "expired">
    <#return t["status.expired"]>
  </#if>
  <#return status>
</#function>

<#-- How an edition's vote works: with a confirmation mail, or (verification none) once per browser with a proof of work. -->
<#function howToVote edition>
  <#if edition.verification == "none">
    <#return t["vote.how.none"]>
  </#if>
  <#return t["vote.how"]>
</#function>

<#function phaseText phase>
  <#if phase == "upcoming">
    <#return t["phase.upcoming"]>
  <#elseif phase == "open">
    <#return t["phase.open"]>
  <#elseif phase == "closed">
    <#return t["phase.closed"]>
  </#if>
  <#return phase>
</#function>

<#-- On a page shown in the default language: puts the interface's language back on a UI label. -->
<#macro ui><#if .globals.page.fallback!false> lang="${lang}"</#if></#macro>

<#-- A text written in Markdown, already HTML (bodyHtml): printed as it is, when there is one. -->
<#macro prose html>
<#if html?has_content>
<div class="prose">${html?no_esc}</div>
</#if>
</#macro>

<#-- The title of a listing page and the text above its list. -->
<#macro pageText>
<h1>${.globals.page.title}</h1>
<@prose .globals.page.bodyHtml/>
</#macro>

<#-- Links to pages as a row of tags: items have a path and a label (a theme) or a title (an edition). -->
<#macro tags items>
<ul class="tags">
<#list items as item>
<li><a href="${item.path}">${item.label!item.title}</a></li>
</#list>
</ul>
</#macro>

