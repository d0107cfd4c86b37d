<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<#-- /<lang>/<slug>/: a plain page written in Markdown. -->
<@layout.page>
<@layout.pageText/>
</@layout.page>
