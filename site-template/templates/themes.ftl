<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<#-- /<lang>/themes/: every theme and how many innovators work on it. -->
<@layout.page>
<@layout.pageText/>
<ul class="theme-list">
<#list themes as theme>
<li>
<a href="${theme.path}">${theme.label}</a>
<span class="theme-list__count"><#if theme.count == 0>${t["themes.count.zero"]}<#elseif theme.count == 1>${t["themes.count.one"]}<#else>${t["themes.count.other"]?replace("{0}", layout.plain(theme.count))}</#if></span>
</li>
</#list>
</ul>
</@layout.page>
