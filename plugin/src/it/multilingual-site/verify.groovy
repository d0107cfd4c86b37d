// The sample content of the repository becomes a complete site in three languages.
def site = new File(basedir, 'target/site')

['nl', 'fr', 'en'].each { lang ->
    assert new File(site, "${lang}/index.html").isFile() : "no home page for ${lang} in ${site}"
}
assert new File(site, 'index.html').isFile() : 'no root index.html (the language chooser / redirect)'

def frHome = new File(site, 'fr/index.html').getText('UTF-8')
assert frHome.contains('<html lang="fr"') : 'the French home page is not marked lang="fr"'

def profile = new File(site, 'en/innovators/papillon/index.html')
assert profile.isFile() : "no profile page ${profile}"
def profileHtml = profile.getText('UTF-8')
def alternates = (profileHtml =~ /<link\b[^>]*>/).collect { it }.findAll { it.contains('rel="alternate"') && it.contains('hreflang=') }
// x-default points at the default (first) language, nl.
['nl': 'nl', 'fr': 'fr', 'en': 'en', 'x-default': 'nl'].each { hreflang, lang ->
    assert alternates.any { it.contains("hreflang=\"${hreflang}\"") && it =~ /href="[^"]*\/${lang}\/innovators\/papillon\/"/ } :
            "the papillon profile has no hreflang=\"${hreflang}\" alternate to /${lang}/innovators/papillon/; found ${alternates}"
}

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log =~ /Built \d+ pages \(nl \d+, fr \d+, en \d+\)/ : 'build.log has no "Built N pages (nl N, fr N, en N)" summary'

return true
