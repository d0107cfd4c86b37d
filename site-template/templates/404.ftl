<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<#-- /<lang>/404.html and /404.html: served for any unknown address, so every link is absolute. -->
<@layout.page>
<h1>${t["404.title"]}</h1>
<p>${t["404.text"]}</p>
<p>${t["404.home"]}</p>
<@layout.languageList/>
</@layout.page>
