<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<#-- /<lang>/news/: every news item, newest first, and the feed to follow them. -->
<@layout.page>
<h1>${page.title}</h1>
<#if news?has_content>
<@layout.newsList items=news level=2/>
<#else>
<p>${t["news.empty"]}</p>
</#if>
<p class="feed-link"><a href="${feed.path}" type="application/atom+xml">${t["news.feed.link"]}</a></p>
</@layout.page>
