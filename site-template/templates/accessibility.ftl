<#ftl output_format="HTML" strip_whitespace=true>
<#import "layout.ftl" as layout>
<#--
  /<lang>/accessibility/: the accessibility statement, in the order of the model statement that Flemish
  public bodies use. The facts come from the front matter of content/accessibility/ (see content/README.md);
  its text says what is not accessible and why.
-->
<#function around key>
  <#local text = t[key]>
  <#return [text?keep_before("{0}"), text?keep_after("{0}")]>
</#function>
<@layout.page>
<#assign s = statement>
<article class="statement">
<h1>${page.title}</h1>
<p<@layout.ui/>>${t["accessibility.intro"]?replace("{0}", t["org.name"])?replace("{1}", s.website)}</p>
<h2<@layout.ui/>>${t["accessibility.status.title"]}</h2>
<p<@layout.ui/>><#if s.conformance == "full">${t["accessibility.status.full"]}<#elseif s.conformance == "partial">${t["accessibility.status.partial"]}<#else>${t["accessibility.status.none"]}</#if></p>
<#if page.bodyHtml?has_content>
<h2<@layout.ui/>>${t["accessibility.inaccessible.title"]}</h2>
<div class="prose">${page.bodyHtml?no_esc}</div>
</#if>
<h2<@layout.ui/>>${t["accessibility.preparation.title"]}</h2>
<#assign prepared = around("accessibility.prepared") evaluated = around("accessibility.evaluated")>
<p<@layout.ui/>>${prepared[0]}<time datetime="${s.prepared}">${s.preparedText}</time>${prepared[1]}<#if s.reviewed??><#assign reviewed = around("accessibility.reviewed")> ${reviewed[0]}<time datetime="${s.reviewed}">${s.reviewedText}</time>${reviewed[1]}</#if></p>
<p<@layout.ui/>>${evaluated[0]}<time datetime="${s.evaluated}">${s.evaluatedText}</time>${evaluated[1]}</p>
<p><strong<@layout.ui/>>${t["accessibility.method"]}</strong> ${s.method}</p>
<h2<@layout.ui/>>${t["accessibility.feedback.title"]}</h2>
<p<@layout.ui/>>${t["accessibility.feedback.text"]} <a href="${s.contact.href}">${s.contact.text}</a></p>
<h2<@layout.ui/>>${t["accessibility.enforcement.title"]}</h2>
<p<@layout.ui/>>${t["accessibility.enforcement.text"]}</p>
<p<@layout.ui/>>${t["accessibility.enforcement.address"]}<br><a href="mailto:${t["accessibility.enforcement.email"]}">${t["accessibility.enforcement.email"]}</a></p>
</article>
</@layout.page>
