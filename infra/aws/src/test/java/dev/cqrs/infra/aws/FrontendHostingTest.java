package dev.cqrs.infra.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hosted front end in the synthesized template: a private bucket only CloudFront reads (Origin Access Control),
 * HTTPS only, the SPA fallback, config.js from the stack's own values, and the CloudFront origin allowed by both
 * APIs' CORS and by Cognito's redirect URLs. Synthesizes with a stand-in build of the app (context frontendDist).
 */
class FrontendHostingTest {

    @TempDir
    static Path tmp;
    static Template template;
    static String distributionId;

    @BeforeAll
    static void synthesize() throws Exception {
        Path dist = Files.createDirectories(tmp.resolve("dist"));
        Files.writeString(dist.resolve("index.html"), "<!doctype html><title>stand-in</title>");
        Path code = Synth.placeholderProjectorCode(tmp);
        App app = Synth.app(tmp.resolve("cdk.out"), Map.of("projectorCode", code.toString(), "imageTag", "test",
                "frontendDist", dist.toString()));
        CqrsStack stack = CqrsApp.build(app, ResourceNames.load(), CqrsConfig.fromContext(app.getNode()));
        app.synth();
        template = Template.fromStack(stack);
        distributionId = template.findResources("AWS::CloudFront::Distribution").keySet().iterator().next();
    }

    @Test
    void theBucketIsPrivateEncryptedAndTlsOnly() {
        template.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "OwnershipControls", Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced")))));
        String policies = json(template.findResources("AWS::S3::BucketPolicy"));
        assertThat(policies).contains("\"aws:SecureTransport\":\"false\"");
        // read by CloudFront only, for this one distribution (OAC: the service principal with the distribution's ARN)
        assertThat(policies).contains("cloudfront.amazonaws.com").contains("AWS:SourceArn").contains(distributionId);
        assertThat(policies).doesNotContain("\"Principal\":\"*\",\"Action\":\"s3:GetObject\"");
    }

    @Test
    void cloudFrontReadsItThroughOriginAccessControlOverHttpsOnlyWithTheSpaFallback() {
        template.hasResourceProperties("AWS::CloudFront::OriginAccessControl", Map.of("OriginAccessControlConfig",
                Match.objectLike(Map.of("OriginAccessControlOriginType", "s3", "SigningBehavior", "always",
                        "SigningProtocol", "sigv4"))));
        template.hasResourceProperties("AWS::CloudFront::Distribution", Map.of("DistributionConfig", Match.objectLike(Map.of(
                "DefaultRootObject", "index.html",
                "DefaultCacheBehavior", Match.objectLike(Map.of("ViewerProtocolPolicy", "https-only")),
                "Origins", List.of(Match.objectLike(Map.of(
                        "OriginAccessControlId", Match.anyValue(),
                        // no legacy origin access identity: OAC signs the requests
                        "S3OriginConfig", Map.of("OriginAccessIdentity", "")))),
                "CustomErrorResponses", List.of(
                        Map.of("ErrorCode", 403, "ResponseCode", 200, "ResponsePagePath", "/index.html",
                                "ErrorCachingMinTTL", 0),
                        Map.of("ErrorCode", 404, "ResponseCode", 200, "ResponsePagePath", "/index.html",
                                "ErrorCachingMinTTL", 0))))));
    }

    @Test
    void theAppAndItsRuntimeConfigurationAreDeployedFromTheStacksValues() {
        Map<String, Map<String, Object>> deployments = template.findResources("Custom::CDKBucketDeployment");
        assertThat(deployments).hasSize(2);
        String text = json(deployments);
        // config.js never cached; the app deployment does not prune or overwrite it
        assertThat(text).contains("no-cache").contains("\"Prune\":false").contains("/config.js")
                .contains("\"Exclude\":[\"config.js\"]");
        // config.js's values are the stack's own, resolved at deployment (the asset holds markers for them): the
        // two API URLs of the load balancer, the user pool's issuer, its front-end client and Cognito's scope names
        assertThat(text).contains(":8080").contains(":8081").contains("https://cognito-idp.")
                .contains(logicalIdStartingWith("AWS::Cognito::UserPoolClient", "UserPoolFrontendClient"))
                .contains("/read");
        template.hasOutput("FrontendUrl", Map.of("Value", Map.of("Fn::Join",
                List.of("", List.of("https://", Map.of("Fn::GetAtt", List.of(distributionId, "DomainName")))))));
    }

    @Test
    void theCloudFrontOriginIsAllowedByBothApisAndByCognito() {
        Object origin = Map.of("Fn::Join", List.of("", List.of("https://",
                Map.of("Fn::GetAtt", List.of(distributionId, "DomainName")))));
        for (String service : List.of("command-service", "query-service")) {
            template.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of("ContainerDefinitions",
                    Match.arrayWith(List.of(Match.objectLike(Map.of("Name", service, "Environment",
                            Match.arrayWith(List.of(Map.of("Name", "CORS_ALLOWED_ORIGINS", "Value", origin)))))))));
        }
        template.hasResourceProperties("AWS::Cognito::UserPoolClient", Map.of("CallbackURLs", List.of(
                "http://localhost:5173/callback",
                Map.of("Fn::Join", List.of("", List.of("https://",
                        Map.of("Fn::GetAtt", List.of(distributionId, "DomainName")), "/callback"))))));
    }

    /** CDK's deploy-time Lambdas of the front end's bucket: BucketDeployment's handler and the auto-delete provider. */
    static boolean isDeployTimeHandler(String logicalId) {
        return logicalId.startsWith("CustomCDKBucketDeployment") || logicalId.startsWith("CustomS3AutoDeleteObjects");
    }

    @Test
    void cdksDeployTimeHandlersTouchOnlyTheFrontEndBucketTheAssetBucketAndInvalidations() {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> resources = (Map<String, Map<String, Object>>) template.toJSON().get("Resources");
        String bucket = template.findResources("AWS::S3::Bucket").keySet().stream()
                .filter(id -> id.startsWith("FrontendBucket")).findFirst().orElseThrow();
        List<String> handlers = resources.keySet().stream().filter(FrontendHostingTest::isDeployTimeHandler)
                .filter(id -> List.of("AWS::IAM::Policy", "AWS::IAM::Role").contains(resources.get(id).get("Type")))
                .toList();
        assertThat(handlers).isNotEmpty();
        for (String id : handlers) {
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = (Map<String, Object>) resources.get(id).get("Properties");
            Object document = properties.containsKey("PolicyDocument") ? properties.get("PolicyDocument")
                    : properties.get("Policies");
            if (document == null) {
                continue; // a role with managed policies only (basic Lambda logging)
            }
            String text = json(document);
            for (String statement : text.split("\\{\"Action\"")) {
                if (statement.contains("\"Resource\"")) {
                    assertThat(statement).as(id).satisfiesAnyOf(
                            st -> assertThat(st).contains(bucket),
                            st -> assertThat(st).contains("cdk-hnb659fds-assets-"),
                            st -> assertThat(st).contains("cloudfront:CreateInvalidation"));
                }
            }
        }
    }

    private static String logicalIdStartingWith(String type, String prefix) {
        List<String> ids = template.findResources(type).keySet().stream().filter(id -> id.startsWith(prefix)).toList();
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
