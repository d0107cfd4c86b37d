// site:deploy is this plugin's goal: it names the missing bucket setting and the output to copy it from.
def log = new File(basedir, 'build.log').getText('UTF-8')

assert log.contains('campaign-site-maven-plugin') && log.contains(':deploy') : 'build.log does not show this plugin\'s deploy goal running'
assert !(log =~ /maven-site-plugin:[^ ]*:deploy/) : 'site:deploy ran maven-site-plugin instead of the campaign site plugin'
assert log.contains("[ERROR] site.bucket is not set: give the stack's SiteBucketName output") : 'build.log does not name the missing site.bucket'
assert !(log =~ /(?m)^\tat /) : 'build.log shows a stack trace; a missing setting must be reported as a plain message'

return true
