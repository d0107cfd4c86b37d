<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<#-- /<lang>/innovators/: every innovator, by name. -->
<@layout.page>
<@layout.pageText/>
<#if innovators?has_content>
<@layout.cards people=innovators level=2/>
<#else>
<p>${t["innovators.empty"]}</p>
</#if>
</@layout.page>
