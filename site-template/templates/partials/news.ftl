<#ftl output_format="HTML" strip_whitespace=true>
<#-- A list of news items, newest first; a date in the page's language even on an untranslated item. -->
<#macro newsList items level=2>
<ul class="news-list">
<#list items as item>
<li class="news-card"<#if item.lang != lang> lang="${item.lang}"</#if>>
<h${plain(level)} class="news-card__title"><a href="${item.path}">${item.title}</a></h${plain(level)}>
<p class="news-card__date"<#if item.lang != lang> lang="${lang}"</#if>><time datetime="${item.date}">${item.dateText}</time></p>
<#if item.description?has_content>
<p class="news-card__summary">${item.description}</p>
</#if>
<#if item.status != "published">
<p class="news-card__status"<#if item.lang != lang> lang="${lang}"</#if>>${statusText(item.status)}</p>
</#if>
</li>
</#list>
</ul>
</#macro>

