<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<#-- /<lang>/campaigns/: every edition, newest first. -->
<@layout.page>
<@layout.pageText/>
<#if editions?has_content>
<ul class="edition-list">
<#list editions as campaign>
<#assign year = layout.plain(campaign.year)>
<li class="edition-item">
<h2><a href="${campaign.path}">${campaign.title}</a></h2>
<#if !campaign.title?contains(year)>
<p class="edition-item__year">${year}</p>
</#if>
<#if campaign.summary?has_content>
<p>${campaign.summary}</p>
</#if>
<p class="edition-item__window"><@layout.window campaign/></p>
<@layout.phase campaign/>
</li>
</#list>
</ul>
<#else>
<p>${t["archive.empty"]}</p>
</#if>
</@layout.page>
