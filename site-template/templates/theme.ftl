<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<#-- /<lang>/themes/<id>/: the innovators working on one theme. -->
<@layout.page>
<h1>${theme.label}</h1>
<#if theme.innovators?has_content>
<@layout.cards people=theme.innovators level=2/>
<#else>
<p>${t["theme.empty"]}</p>
</#if>
</@layout.page>
