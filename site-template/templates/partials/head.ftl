<#ftl output_format="HTML" strip_whitespace=true>
<#-- Everything in <head>: policy, title, description, robots, addresses in other languages, share tags, structured data, assets. -->
<#macro head pg siteName>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<#-- Made by the build (ContentSecurityPolicy) from fixed words and a validated host: printed as it is, quotes and all. -->
<meta http-equiv="Content-Security-Policy" content="${site.contentSecurityPolicy?no_esc}">
<meta name="referrer" content="strict-origin-when-cross-origin">
<title><#if pg.title?has_content && pg.title != siteName>${pg.title} – ${siteName}<#else>${siteName}</#if></title>
<#if pg.description?has_content>
<meta name="description" content="${pg.description}">
<#elseif pg.type == "home" || pg.type == "language-select">
<meta name="description" content="${t["site.description"]}">
<#elseif pg.type == "vote">
<meta name="description" content="${howToVote(edition)}">
<#elseif pg.type == "results">
<meta name="description" content="${t["results.audience"]}">
</#if>
<#-- Which pages search engines may index is decided once, by the build (page.indexed). -->
<#if !pg.indexed>
<meta name="robots" content="noindex">
</#if>
<#-- A 404 page answers for any address: it has no canonical address and no translations. -->
<#if pg.type != "404">
  <#if pg.canonical?has_content>
<link rel="canonical" href="${pg.canonical}">
  </#if>
  <#list pg.alternates![] as alt>
<link rel="alternate" hreflang="${alt.lang}" href="${alt.url}">
  </#list>
  <#if pg.xDefault?has_content>
<link rel="alternate" hreflang="x-default" href="${pg.xDefault}">
  </#if>
</#if>
<#if feed??>
<link rel="alternate" type="application/atom+xml" title="${feed.title}" href="${feed.path}">
</#if>
<@share pg=pg siteName=siteName/>
<#-- JSON-LD is data, not script: the build writes it with Jackson and escapes "</" (see StructuredData). -->
<#if pg.jsonLd?has_content>
<script type="application/ld+json">${pg.jsonLd?no_esc}</script>
</#if>
<link rel="icon" href="${site.assets}/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${site.assets}/site.css">
<script src="${site.assets}/site.js" defer></script>
</#macro>

<#--
  Open Graph and Twitter card tags, for the preview a link gets when it is shared. The image is
  page.image when the page has its own (absolute), else the site's default card.
-->
<#macro share pg siteName>
<#local title = (pg.type == "home" || pg.type == "language-select" || !pg.title?has_content)?then(siteName, pg.title)>
<#local description = pg.description?has_content?then(pg.description, t["site.description"])>
<#local image = pg.image!site.shareImage.url>
<#local imageAlt = (pg.image??)?then(pg.imageAlt!"", t["share.imageAlt"])>
<meta property="og:type" content="<#if pg.type == "news-item">article<#else>website</#if>">
<meta property="og:site_name" content="${siteName}">
<meta property="og:title" content="${title}">
<meta property="og:description" content="${description}">
<#if pg.type != "404" && pg.canonical?has_content>
<meta property="og:url" content="${pg.canonical}">
</#if>
<meta property="og:image" content="${image}">
<#-- The default image and every nominee's share card are 1200 x 630. -->
<meta property="og:image:width" content="${site.shareImage.width?c}">
<meta property="og:image:height" content="${site.shareImage.height?c}">
<#if imageAlt?has_content>
<meta property="og:image:alt" content="${imageAlt}">
</#if>
<meta property="og:locale" content="${pg.locale}">
<#if pg.type != "404">
  <#list pg.alternates![] as alt>
    <#if alt.lang != pg.contentLang>
<meta property="og:locale:alternate" content="${alt.locale}">
    </#if>
  </#list>
</#if>
<#if pg.type == "news-item" && newsItem??>
<meta property="article:published_time" content="${newsItem.published}">
</#if>
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="${title}">
<meta name="twitter:description" content="${description}">
<meta name="twitter:image" content="${image}">
<#if imageAlt?has_content>
<meta name="twitter:image:alt" content="${imageAlt}">
</#if>
</#macro>

