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
<#--
  The main menu is a disclosure: on phones a "Menu" button (the summary) opens it, with or without
  JavaScript; on wide screens the stylesheet shows the list and hides the button. The languages stay
  outside it, always in view.
-->
<#if nav?? && nav?has_content>
<nav class="main-nav" aria-label="${t["nav.label"]}">
<details class="menu" data-menu>
<summary class="menu__button">${t["nav.menu"]}</summary>
<ul class="menu__list">
<#list nav as item>
<li><a href="${item.path}"<#if item.current!false> aria-current="<#if item.path == pg.path>page<#else>true</#if>"</#if>>${item.label}</a></li>
</#list>
</ul>
</details>
</nav>
</#if>
<@languageSwitch pg=pg/>
</div>
</#if>
</header>
</#if>
</#macro>
