<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<#-- /<lang>/<slug>/: a plain page written in Markdown. -->
<@layout.page>
<h1>${page.title}</h1>
<#if page.bodyHtml?has_content>
<div class="prose">${page.bodyHtml?no_esc}</div>
</#if>
</@layout.page>
