<#ftl output_format="HTML" strip_whitespace=true>
<#-- The site header: skip link, status banner (preview), site name, language switch and main menu. -->
<#macro header pg siteName chrome>
<#local status = pg.status!"published">
<#if chrome>
<a class="skip-link" href="#main">${t["skip.main"]}</a>
</#if>
<#if chrome || status != "published">
<header class="site-header">
<#if status != "published">
<p class="status-banner status-banner--${status}">${statusText(status)}</p>
</#if>
<#if chrome>
<div class="wrap site-header__inner">
<a class="site-name" href="${homePath}">${siteName}</a>
<@languageSwitch pg=pg/>
<#if nav?? && nav?has_content>
<nav class="main-nav" aria-label="${t["nav.label"]}">
<ul>
<#list nav as item>
<li><a href="${item.path}"<#if item.current!false> aria-current="<#if item.path == pg.path>page<#else>true</#if>"</#if>>${item.label}</a></li>
</#list>
</ul>
</nav>
</#if>
</div>
</#if>
</header>
</#if>
</#macro>
