<#ftl output_format="HTML" strip_whitespace=true>
<#--
  The layout every page template imports (as layout): the document, and the shared macros of partials/,
  which it includes so that a page calls them all as layout.<name>. The model is described in ../README.md.
  Inside these files the name `page` is the macro below, so the page model is read as `.globals.page`.
-->
<#-- Read once per page: every read of a data-model name goes through jbake-core's model, which is slow. -->
<#global t = t lang = lang site = site>
<#include "partials/text.ftl">
<#include "partials/head.ftl">
<#include "partials/header.ftl">
<#include "partials/footer.ftl">
<#include "partials/languages.ftl">
<#include "partials/cards.ftl">
<#include "partials/editions.ftl">
<#include "partials/vote.ftl">
<#include "partials/news.ftl">

<#--
  The whole document; the page's content is the nested content.
  autoselect: the root page, whose site.js sends the visitor to their language.
  chrome: false leaves out the main menu and the language switcher.
-->
<#macro page autoselect=false chrome=true>
<#local pg = .globals.page>
<#local siteName = t["site.name"]>
<#local fallback = pg.fallback!false>
<!doctype html>
<html lang="${lang}">
<head>
<@head pg=pg siteName=siteName/>
</head>
<body class="type-${pg.type}"<#if autoselect> data-autoselect="${site.defaultLanguage}"</#if>>
<@header pg=pg siteName=siteName chrome=chrome/>
<main id="main" class="wrap">
<#if fallback>
<p class="notice">${t["fallback.notice"]}</p>
<div lang="${pg.contentLang}">
<#nested>
</div>
<#else>
<#nested>
</#if>
</main>
<@footer/>
</body>
</html>
</#macro>
