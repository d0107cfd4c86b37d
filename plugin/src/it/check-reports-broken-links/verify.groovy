// The check names the built page, the line on which the broken link stands, and the link itself.
def log = new File(basedir, 'build.log').getText('UTF-8')

def page = new File(basedir, 'target/site-check/nl/about/index.html')
assert page.isFile() : 'the checked site was not kept in target/site-check'
def line = page.readLines('UTF-8').findIndexOf { it.contains('href="/nl/jury/"') } + 1
assert line > 0 : 'target/site-check/nl/about/index.html does not contain the link to /nl/jury/'

def expected = "nl/about/index.html:${line}: link /nl/jury/ points to no page or file; fix the link or add the page it names"
assert log.contains("[ERROR] ${expected}") : "build.log does not report \"${expected}\""
assert log =~ /(?m)1 broken references in the site/ : 'build.log does not count the broken references'
assert !(log =~ /(?m)^\tat /) : 'build.log shows a stack trace; a broken link must be reported as a plain message'
assert !new File(basedir, 'target/site').exists() : 'site:check wrote target/site; it must leave the published site alone'

return true
