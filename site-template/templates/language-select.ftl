<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<#--
  /: links every language; site.js sends the visitor on to their preferred one
  (data-autoselect on <body>), falling back to the default language.
-->
<@layout.page autoselect=true chrome=false>
<h1>${t["site.name"]}</h1>
<nav class="language-select" aria-label="${t["language.choose"]}">
<@layout.languageList/>
</nav>
</@layout.page>
