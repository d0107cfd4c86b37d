<#ftl output_format="HTML" strip_whitespace=true>
<#-- The site footer: who runs the campaign, and the privacy page and accessibility statement when there are. -->
<#macro footer>
<footer class="site-footer">
<div class="wrap">
<p>${t["footer.campaignBy"]?replace("{0}", t["org.name"])}</p>
<#if privacyPath?? || accessibilityPath??>
<ul class="footer-links">
<#if privacyPath??>
<li><a href="${privacyPath}">${t["footer.privacy"]}</a></li>
</#if>
<#if accessibilityPath??>
<li><a href="${accessibilityPath}">${t["footer.accessibility"]}</a></li>
</#if>
</ul>
</#if>
</div>
</footer>
</#macro>
