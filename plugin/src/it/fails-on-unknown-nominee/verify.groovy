// A nominee without a profile stops the build with file, line and what to do, and no site is written.
def log = new File(basedir, 'build.log').getText('UTF-8')

assert log =~ /(?m)content\/campaigns\/2026\/index\.nl\.md:3: .*unknown nominee 'nobody'/ :
        "build.log does not name content/campaigns/2026/index.nl.md:3 with \"unknown nominee 'nobody'\""
assert !(log =~ /(?m)^\tat /) : 'build.log shows a stack trace; a content mistake must be reported as a plain message'

assert !new File(basedir, 'target/site').exists() : 'target/site was created although the build failed'

return true
