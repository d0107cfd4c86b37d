<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<#-- /<lang>/: the campaign's introduction and the current edition with its nominees. -->
<@layout.page>
<div class="page-head">
<h1>${t["home.title"]}</h1>
<p class="lead">${t["home.intro"]}</p>
</div>
<@layout.prose page.bodyHtml/>
<#if currentEdition??>
<#assign current = currentEdition>
<section class="edition-current">
<h2>${current.title}</h2>
<#if current.summary?has_content>
<p class="lead">${current.summary}</p>
</#if>
<@layout.phase current/>
<@layout.facts current/>
<p><a class="button" href="${current.path}">${t["home.moreEdition"]?replace("{0}", current.title)}</a></p>
<#if current.nominees?has_content>
<@layout.cards people=current.nominees level=3/>
</#if>
</section>
<#else>
<p>${t["home.noEdition"]}</p>
</#if>
<#if latestNews?has_content>
<section class="news-latest">
<h2>${t["news.latest"]}</h2>
<@layout.newsList items=latestNews level=3/>
<p><a href="${newsPath}">${t["news.all"]}</a></p>
</section>
</#if>
</@layout.page>
