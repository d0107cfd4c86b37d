package be.socialeinnovatiefabriek.radicale.vote.aws;

import static be.socialeinnovatiefabriek.radicale.vote.aws.CloudFormationYaml.at;
import static be.socialeinnovatiefabriek.radicale.vote.aws.CloudFormationYaml.list;
import static be.socialeinnovatiefabriek.radicale.vote.aws.CloudFormationYaml.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.socialeinnovatiefabriek.radicale.vote.aws.CloudFormationYaml.Fn;
import be.socialeinnovatiefabriek.radicale.vote.settings.CounterSettings;
import be.socialeinnovatiefabriek.radicale.vote.mail.SmtpMailer;
import be.socialeinnovatiefabriek.radicale.vote.queue.MailSettings;
import be.socialeinnovatiefabriek.radicale.vote.settings.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The wiring of template.yaml, read as CloudFormation reads it: the site and the counter on one CloudFront
 * origin, the private bucket, the mail queue with its dead-letter queue and sender, the alarms, permissions
 * that name each resource, the table and the outputs that {@code mvn site:deploy} needs. And the vote
 * function's environment, evaluated with sample parameters, is one the handler starts with.
 */
class TemplateTest {

    /** Managed CloudFront policies, by their documented ids. */
    private static final String CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";
    private static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    private static final String ALL_VIEWER_EXCEPT_HOST_HEADER = "b689b0a8-53d0-40ab-baf2-68738e2966ac";

    private static Map<String, Object> template;
    private static Map<String, Object> resources;

    @BeforeAll
    static void readTemplate() throws IOException {
        template = CloudFormationYaml.read(Path.of("template.yaml"));
        resources = map(template.get("Resources"));
    }

    private static Map<String, Object> resource(String name) {
        return map(resources.get(name));
    }

    private static Map<String, Object> properties(String name) {
        return map(resource(name).get("Properties"));
    }

    private static Fn ref(String name) {
        return new Fn("Ref", name);
    }

    private static Fn getAtt(String name) {
        return new Fn("GetAtt", name);
    }

    private static Map<String, Object> distribution() {
        return map(at(properties("SiteDistribution"), "DistributionConfig"));
    }

    private static Map<String, Object> origin(String id) {
        return list(distribution().get("Origins")).stream().map(CloudFormationYaml::map)
                .filter(origin -> id.equals(origin.get("Id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no origin " + id));
    }

    @Test
    void pagesComeFromThePrivateBucketThroughOriginAccessControl() {
        Map<String, Object> site = origin("site");
        assertEquals(getAtt("SiteBucket.RegionalDomainName"), site.get("DomainName"));
        assertEquals(getAtt("SiteOriginAccessControl.Id"), site.get("OriginAccessControlId"));
        assertEquals("", at(site, "S3OriginConfig", "OriginAccessIdentity"), "origin access control, no legacy identity");
        Map<String, Object> oac = map(at(properties("SiteOriginAccessControl"), "OriginAccessControlConfig"));
        assertEquals("s3", oac.get("OriginAccessControlOriginType"));
        assertEquals("always", oac.get("SigningBehavior"));
        assertEquals("sigv4", oac.get("SigningProtocol"));

        Map<String, Object> pages = map(distribution().get("DefaultCacheBehavior"));
        assertEquals("site", pages.get("TargetOriginId"));
        assertEquals(CACHING_OPTIMIZED, pages.get("CachePolicyId"));
        assertEquals("redirect-to-https", pages.get("ViewerProtocolPolicy"));
        Map<String, Object> index = map(list(pages.get("FunctionAssociations")).get(0));
        assertEquals("viewer-request", index.get("EventType"));
        assertEquals(getAtt("SiteIndexFunction.FunctionMetadata.FunctionARN"), index.get("FunctionARN"));
        String code = (String) properties("SiteIndexFunction").get("FunctionCode");
        assertTrue(code.contains("uri + 'index.html'"), "folder addresses get their index.html");
        assertEquals("index.html", distribution().get("DefaultRootObject"));
        assertFalse(distribution().containsKey("CustomErrorResponses"),
                "error pages would replace the counter's own 403 and 404 answers");
    }

    @Test
    void theCounterIsUnderApiOnTheSameDistributionUncachedWithoutTheViewersHost() {
        Map<String, Object> counter = origin("counter");
        assertEquals(new Fn("Sub", "${VoteApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}"), counter.get("DomainName"));
        assertEquals("https-only", at(counter, "CustomOriginConfig", "OriginProtocolPolicy"));
        Map<String, Object> secret = map(list(counter.get("OriginCustomHeaders")).get(0));
        assertEquals("X-Origin-Verify", secret.get("HeaderName"));
        assertEquals(CloudFrontOrigin.SECRET_HEADER, ((String) secret.get("HeaderName")).toLowerCase());
        assertEquals(ref("OriginSecret"), secret.get("HeaderValue"));

        List<Object> behaviours = list(distribution().get("CacheBehaviors"));
        assertEquals(1, behaviours.size());
        Map<String, Object> api = map(behaviours.get(0));
        assertEquals("/api/*", api.get("PathPattern"));
        assertEquals("counter", api.get("TargetOriginId"));
        assertEquals(CACHING_DISABLED, api.get("CachePolicyId"));
        assertEquals(ALL_VIEWER_EXCEPT_HOST_HEADER, api.get("OriginRequestPolicyId"));
        assertEquals(Set.of("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"), Set.copyOf(list(api.get("AllowedMethods"))));
        assertEquals("https-only", api.get("ViewerProtocolPolicy"), "a POST redirected from http would lose its body");
        assertFalse(properties("VoteApi").containsKey("CorsConfiguration"), "one origin: no CORS");
        assertEquals("ANY /api/{proxy+}", properties("VoteRoute").get("RouteKey"));
    }

    @Test
    void theBucketIsPrivateAndOnlyThisDistributionReadsIt() {
        Map<String, Object> block = map(properties("SiteBucket").get("PublicAccessBlockConfiguration"));
        assertEquals(Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true,
                "RestrictPublicBuckets", true), block);
        assertEquals("AES256", at(map(list(at(properties("SiteBucket"), "BucketEncryption",
                "ServerSideEncryptionConfiguration")).get(0)), "ServerSideEncryptionByDefault", "SSEAlgorithm"),
                "SSE-S3 keeps ETags the MD5 that site:deploy compares");
        Fn distributionArn = new Fn("Sub",
                "arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${SiteDistribution}");
        for (Map<String, Object> statement : statements(at(properties("SiteBucketPolicy"), "PolicyDocument"))) {
            if ("Allow".equals(statement.get("Effect"))) {
                assertEquals(Map.of("Service", "cloudfront.amazonaws.com"), statement.get("Principal"));
                assertEquals(distributionArn, at(statement, "Condition", "StringEquals", "AWS:SourceArn"));
                assertTrue(Set.of("s3:GetObject", "s3:ListBucket").contains(statement.get("Action")), statement.toString());
            } else {
                assertEquals("false", at(statement, "Condition", "Bool", "aws:SecureTransport"));
            }
        }
    }

    @Test
    void mailsGoThroughAQueueWithADeadLetterQueueToTheSender() {
        Map<String, Object> queue = properties("MailQueue");
        assertEquals(getAtt("MailDeadLetterQueue.Arn"), at(queue, "RedrivePolicy", "deadLetterTargetArn"));
        assertEquals(8, at(queue, "RedrivePolicy", "maxReceiveCount"));
        assertEquals(true, queue.get("SqsManagedSseEnabled"));
        assertEquals(true, properties("MailDeadLetterQueue").get("SqsManagedSseEnabled"));
        assertTrue((int) properties("MailDeadLetterQueue").get("MessageRetentionPeriod") <= 172_800,
                "addresses are kept no longer than a link lives");

        Map<String, Object> sender = properties("MailSenderFunction");
        assertEquals("be.socialeinnovatiefabriek.radicale.vote.aws.MailSenderHandler::handleRequest", sender.get("Handler"));
        assertEquals(properties("VoteFunction").get("CodeUri"), sender.get("CodeUri"), "one jar for both functions");
        assertTrue((int) queue.get("VisibilityTimeout") >= 6 * (int) sender.get("Timeout"),
                "AWS advises a visibility timeout of six times the function's");
        Map<String, Object> event = map(at(sender, "Events", "MailQueue"));
        assertEquals("SQS", event.get("Type"));
        Map<String, Object> source = map(event.get("Properties"));
        assertEquals(getAtt("MailQueue.Arn"), source.get("Queue"));
        assertEquals(List.of("ReportBatchItemFailures"), source.get("FunctionResponseTypes"));
        assertEquals(ref("MailSenderConcurrency"), at(source, "ScalingConfig", "MaximumConcurrency"));
        Map<String, Object> senderEnv = map(at(sender, "Environment", "Variables"));
        assertEquals(Set.of("SMTP_HOST", "SMTP_PORT", "SMTP_USER", "SMTP_PASSWORD", "SMTP_FROM", "VOTE_MAIL_QUEUE_URL",
                "VOTE_MAIL_DEAD_LETTER_QUEUE_URL", "VOTE_MAIL_MAX_ATTEMPTS", "VOTE_MAIL_PER_SECOND"), senderEnv.keySet());
        assertEquals(ref("MailQueue"), senderEnv.get("VOTE_MAIL_QUEUE_URL"));
        assertEquals(ref("MailDeadLetterQueue"), senderEnv.get("VOTE_MAIL_DEAD_LETTER_QUEUE_URL"));
        assertEquals(String.valueOf(at(queue, "RedrivePolicy", "maxReceiveCount")), senderEnv.get("VOTE_MAIL_MAX_ATTEMPTS"),
                "the sender buries a mail at its last attempt, before the redrive policy would move it whole");

        Map<String, Object> vote = map(at(properties("VoteFunction"), "Environment", "Variables"));
        assertEquals(ref("MailQueue"), vote.get("VOTE_MAIL_QUEUE_URL"));
        assertTrue(vote.keySet().stream().noneMatch(name -> name.startsWith("SMTP_")),
                "the vote function only queues mail: no SMTP credentials");
    }

    @Test
    void everyAlarmTellsTheTopicAndTheFiveKindsAreThere() {
        Set<String> watched = new HashSet<>();
        for (Map.Entry<String, Object> entry : resources.entrySet()) {
            Map<String, Object> resource = map(entry.getValue());
            if (!"AWS::CloudWatch::Alarm".equals(resource.get("Type"))) {
                continue;
            }
            Map<String, Object> alarm = map(resource.get("Properties"));
            assertEquals(List.of(ref("AlarmTopic")), alarm.get("AlarmActions"), entry.getKey());
            assertEquals("notBreaching", alarm.get("TreatMissingData"), entry.getKey());
            if (alarm.containsKey("MetricName")) {
                watched.add(alarm.get("Namespace") + " " + alarm.get("MetricName") + " " + dimension(alarm.get("Dimensions")));
            } else {
                for (Object metric : list(alarm.get("Metrics"))) {
                    if (map(metric).containsKey("MetricStat")) {
                        Map<String, Object> stat = map(at(metric, "MetricStat", "Metric"));
                        watched.add(stat.get("Namespace") + " " + stat.get("MetricName") + " " + dimension(stat.get("Dimensions")));
                    }
                }
            }
        }
        assertEquals(Set.of(
                "AWS/ApiGateway 5xx Ref VoteApi", "AWS/ApiGateway Count Ref VoteApi",
                "AWS/Lambda Errors Ref VoteFunction", "AWS/Lambda Throttles Ref VoteFunction",
                "AWS/Lambda Errors Ref MailSenderFunction", "AWS/Lambda Throttles Ref MailSenderFunction",
                "AWS/SQS ApproximateNumberOfMessagesVisible GetAtt MailDeadLetterQueue.QueueName",
                "AWS/SQS ApproximateAgeOfOldestMessage GetAtt MailQueue.QueueName",
                "AWS/DynamoDB WriteThrottleEvents Ref VotesTable", "AWS/DynamoDB ReadThrottleEvents Ref VotesTable"), watched);
        assertEquals("HasAlarmEmail", resource("AlarmEmailSubscription").get("Condition"));
        assertEquals(ref("AlarmEmail"), properties("AlarmEmailSubscription").get("Endpoint"));
        assertEquals("IF(FILL(requests, 0) > 0, 100 * FILL(errors, 0) / requests, 0)",
                map(list(properties("ApiErrorRateAlarm").get("Metrics")).get(2)).get("Expression"), "a rate, in percent");
    }

    private static String dimension(Object dimensions) {
        Fn value = (Fn) map(list(dimensions).get(0)).get("Value");
        return value.name() + " " + value.argument();
    }

    @Test
    void permissionsNameTheirResourcesAndGrantNoMore() {
        List<Map<String, Object>> vote = statements(map(list(properties("VoteFunction").get("Policies")).get(0)));
        assertEquals(2, vote.size());
        assertEquals(List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query"),
                vote.get(0).get("Action"));
        assertEquals(getAtt("VotesTable.Arn"), vote.get(0).get("Resource"));
        assertEquals("sqs:SendMessage", vote.get(1).get("Action"));
        assertEquals(getAtt("MailQueue.Arn"), vote.get(1).get("Resource"));
        // The sender reads its queue (SAM grants that for the event) and holds SES SMTP credentials; besides, it
        // sets a failed mail's back-off and writes the dead letters.
        List<Map<String, Object>> sender = statements(map(list(properties("MailSenderFunction").get("Policies")).get(0)));
        assertEquals(2, sender.size());
        assertEquals("sqs:ChangeMessageVisibility", sender.get(0).get("Action"));
        assertEquals(getAtt("MailQueue.Arn"), sender.get(0).get("Resource"));
        assertEquals("sqs:SendMessage", sender.get(1).get("Action"));
        assertEquals(getAtt("MailDeadLetterQueue.Arn"), sender.get(1).get("Resource"));

        List<Map<String, Object>> deploy = statements(at(properties("SiteDeployPolicy"), "PolicyDocument"));
        assertEquals(List.of("s3:ListBucket", List.of("s3:PutObject", "s3:DeleteObject"), "cloudfront:CreateInvalidation"),
                deploy.stream().map(statement -> statement.get("Action")).toList());

        // No Allow anywhere in the template grants every action or every resource, and nothing grants SES.
        String text = allowStatements(template).toString();
        assertFalse(text.contains("Action=*") || text.contains(":*,") || text.contains(":*]") || text.contains(":*}"), text);
        assertFalse(text.contains("Resource=*"), text);
        assertFalse(text.contains("ses:"), text);
    }

    private static List<Map<String, Object>> statements(Object policyDocument) {
        return list(map(policyDocument).get("Statement")).stream().map(CloudFormationYaml::map).toList();
    }

    private static List<Object> allowStatements(Object node) {
        List<Object> found = new ArrayList<>();
        if (node instanceof Map<?, ?> m) {
            if ("Allow".equals(m.get("Effect"))) {
                found.add(m);
            }
            m.values().forEach(value -> found.addAll(allowStatements(value)));
        } else if (node instanceof List<?> l) {
            l.forEach(value -> found.addAll(allowStatements(value)));
        } else if (node instanceof Fn fn) {
            found.addAll(allowStatements(fn.argument()));
        }
        return found;
    }

    @Test
    void theVotesOutliveTheStackAndExpireByTtl() {
        assertEquals("Retain", resource("VotesTable").get("DeletionPolicy"));
        assertEquals("Retain", resource("VotesTable").get("UpdateReplacePolicy"));
        Map<String, Object> table = properties("VotesTable");
        assertEquals("PAY_PER_REQUEST", table.get("BillingMode"));
        assertEquals(List.of(Map.of("AttributeName", "pk", "KeyType", "HASH"), Map.of("AttributeName", "sk", "KeyType", "RANGE")),
                table.get("KeySchema"));
        assertEquals(Map.of("AttributeName", "expiresAt", "Enabled", true), table.get("TimeToLiveSpecification"));
        assertEquals(true, at(table, "PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"));
        assertEquals(ref("VotesTable"), at(properties("VoteFunction"), "Environment", "Variables", "VOTES_TABLE"));
    }

    @Test
    void bothFunctionsRunTheJarThisVersionOfTheBuildWrites() throws IOException {
        String pom = java.nio.file.Files.readString(Path.of("pom.xml"));
        Matcher version = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL).matcher(pom);
        assertTrue(version.find(), "pom.xml names its parent's version");

        String jar = "target/vote-counter-" + version.group(1) + "-lambda.jar";
        assertEquals(jar, properties("VoteFunction").get("CodeUri"), "update CodeUri in template.yaml with the version");
        assertEquals(jar, properties("MailSenderFunction").get("CodeUri"));
    }

    @Test
    void theVoteFunctionIsRestoredFromASnapshotBehindItsAlias() {
        Map<String, Object> function = properties("VoteFunction");
        assertEquals("be.socialeinnovatiefabriek.radicale.vote.aws.VoteHandler::handleRequest", function.get("Handler"));
        assertEquals(VoteHandler.class.getName() + "::handleRequest", function.get("Handler"));
        assertEquals("PublishedVersions", at(function, "SnapStart", "ApplyOn"));
        assertEquals("live", function.get("AutoPublishAlias"));
        assertEquals(ref("VoteFunction.Alias"), properties("VoteIntegration").get("IntegrationUri"));
        assertEquals(ref("VoteFunction.Alias"), properties("VoteApiPermission").get("FunctionName"));
    }

    @Test
    void theOutputsGiveEverySettingOfSiteDeploy() {
        Map<String, Object> outputs = map(template.get("Outputs"));
        assertEquals(ref("SiteBucket"), at(outputs, "SiteBucketName", "Value"));
        assertEquals(ref("AWS::Region"), at(outputs, "SiteRegion", "Value"));
        assertEquals(ref("SiteDistribution"), at(outputs, "DistributionId", "Value"));
        assertEquals(ref("SiteDeployPolicy"), at(outputs, "SiteDeployPolicyArn", "Value"));
        for (String output : List.of("SiteUrl", "DistributionDomainName", "StudioUrl", "VotesTableName",
                "MailDeadLetterQueueUrl", "AlarmTopicArn")) {
            assertNotNull(at(outputs, output, "Description"), output);
        }
    }

    @Test
    void theVoteFunctionsEnvironmentIsOneTheCounterStartsWith() {
        for (String domain : List.of("", "radicalevernieuwers.be")) {
            Map<String, String> env = environment("VoteFunction", Map.of("DomainName", domain));
            String site = domain.isEmpty() ? "https://d111111abcdef8.cloudfront.net" : "https://" + domain;

            CounterSettings settings = CounterSettings.fromEnvironment(env);
            assertEquals(List.of(site), settings.allowedOrigins(), "the pages and the counter share one origin");
            assertEquals(site, settings.publicUrl().toString());
            assertEquals(site, env.get("BALLOTS_URL"));
            CloudFrontOrigin.fromEnvironment(env);
            assertFalse(env.get("VOTES_TABLE").isBlank());
            assertFalse(env.containsKey("VOTE_TRUSTED_PROXIES"), "the origin secret, not CloudFront's address ranges");
        }
    }

    @Test
    void theSendersEnvironmentIsOneTheSenderStartsWith() {
        Map<String, String> env = environment("MailSenderFunction", Map.of());

        SmtpMailer.fromEnvironment(env);
        List<Problem> problems = new ArrayList<>();
        MailSettings settings = MailSettings.fromEnvironment(env, problems);
        MailSenderHandler.queueUrl(env, "VOTE_MAIL_QUEUE_URL", problems);
        MailSenderHandler.queueUrl(env, "VOTE_MAIL_DEAD_LETTER_QUEUE_URL", problems);
        assertEquals(List.of(), problems);
        assertEquals(7, settings.perSecond(), "the default: SES's usual 14 a second shared by two senders");
        assertEquals(8, settings.maxAttempts());
    }

    /** A function's environment as CloudFormation would set it, with sample parameters (and {@code parameters}). */
    private static Map<String, String> environment(String function, Map<String, String> parameters) {
        Map<String, String> values = new HashMap<>(Map.of(
                "HmacKey", "h".repeat(48), "AdminToken", "a".repeat(24), "OriginSecret", "0123456789abcdef".repeat(4),
                "SmtpUser", "AKIAEXAMPLE", "SmtpPassword", "smtp-password",
                "SmtpFrom", "Radicale Vernieuwers <stemmen@radicalevernieuwers.be>"));
        map(template.get("Parameters")).forEach((name, declaration) -> {
            Object fallback = map(declaration).get("Default");
            if (fallback != null) {
                values.putIfAbsent(name, String.valueOf(fallback));
            }
        });
        values.putAll(parameters);
        values.put("AWS::Region", "eu-west-1");
        values.put("AWS::URLSuffix", "amazonaws.com");
        values.put("SiteDistribution.DomainName", "d111111abcdef8.cloudfront.net");
        values.put("VotesTable", "votes-table");
        values.put("MailQueue", "https://sqs.eu-west-1.amazonaws.com/123456789012/mail");
        values.put("MailDeadLetterQueue", "https://sqs.eu-west-1.amazonaws.com/123456789012/mail-dead-letters");
        Map<String, String> env = new HashMap<>();
        map(at(properties(function), "Environment", "Variables")).forEach((name, value) -> env.put(name, evaluate(value, values)));
        return env;
    }

    private static final Pattern SUB = Pattern.compile("\\$\\{([^}]+)}");

    /** The few intrinsic functions the environment uses: Ref, Sub, and If on HasDomain. */
    private static String evaluate(Object value, Map<String, String> values) {
        if (value instanceof String text) {
            return text;
        }
        Fn fn = (Fn) value;
        switch (fn.name()) {
            case "Ref" -> {
                return known(values, (String) fn.argument());
            }
            case "Sub" -> {
                Matcher m = SUB.matcher((String) fn.argument());
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(out, Matcher.quoteReplacement(known(values, m.group(1))));
                }
                return m.appendTail(out).toString();
            }
            case "If" -> {
                List<Object> branches = list(fn.argument());
                assertEquals("HasDomain", branches.get(0));
                return evaluate(branches.get(values.get("DomainName").isEmpty() ? 2 : 1), values);
            }
            default -> throw new AssertionError("the environment uses " + fn.name() + ", which this test cannot evaluate");
        }
    }

    private static String known(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null) {
            throw new AssertionError("no sample value for " + name);
        }
        return value;
    }
}
