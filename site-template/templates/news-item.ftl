<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<#-- /<lang>/news/<yyyy-mm-dd-name>/: one news item. -->
<@layout.page>
<#assign item = newsItem>
<article class="news-article">
<div class="page-head">
<h1>${item.title}</h1>
<p class="news-card__date"<@layout.ui/>><time datetime="${item.date}">${item.dateText}</time></p>
<#if item.summary?has_content>
<p class="lead">${item.summary}</p>
</#if>
</div>
<@layout.prose item.bodyHtml/>
<ul class="link-list"<@layout.ui/>>
<#if item.edition??>
<li><a href="${item.edition.path}">${t["news.edition"]?replace("{0}", item.edition.title)}</a></li>
</#if>
<li><a href="${newsPath}">${t["news.all"]}</a></li>
</ul>
</article>
</@layout.page>
