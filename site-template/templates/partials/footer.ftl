<#ftl output_format="HTML" strip_whitespace=true>
<#-- The site footer: who runs the campaign, and the privacy page when there is one. -->
<#macro footer>
<footer class="site-footer">
<div class="wrap">
<p>${t["footer.campaignBy"]?replace("{0}", t["org.name"])}</p>
<#if privacyPath??>
<ul class="footer-links">
<li><a href="${privacyPath}">${t["footer.privacy"]}</a></li>
</ul>
</#if>
</div>
</footer>
</#macro>
