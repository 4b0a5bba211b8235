package dev.cqrs.infra.aws;

import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.ErrorResponse;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.SecurityPolicyProtocol;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.CacheControl;
import software.amazon.awscdk.services.s3.deployment.ISource;
import software.amazon.awscdk.services.s3.deployment.Source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The browser front end (frontend/, a Vite single-page app) from a private S3 bucket behind CloudFront:
 * <ul>
 *   <li>the bucket blocks all public access, enforces TLS and owns its objects; only the distribution reads it,
 *       through Origin Access Control (SigV4-signed requests, the bucket policy names the distribution);</li>
 *   <li>viewers get HTTPS only (TLS 1.2 at least); {@code /} is {@code index.html}, and a path the bucket does not
 *       have (403/404 from S3, e.g. {@code /todos} reloaded) answers {@code /index.html} with 200, so the app's
 *       client-side routes work (SPA fallback);</li>
 *   <li>{@value #CONFIG_FILE} is the app's runtime configuration ({@code window.__CQRS_CONFIG__}, read by
 *       frontend/src/config.ts over its build-time settings), written by a BucketDeployment from the stack's own
 *       values (the API URLs, the Cognito issuer and the front-end client id), never cached; the built app comes from
 *       context {@code frontendDist} (default {@value #DEFAULT_DIST}, {@code bin/frontend build}), deployed beside it
 *       without pruning it; the distribution is invalidated on every deployment.</li>
 * </ul>
 * The distribution's origin, {@link #origin}, is what the APIs allow for CORS and Cognito accepts as redirect.
 * The distribution is built first (the services and the user pool need its origin); {@link #deploy} adds the files
 * once the API URLs and the client id exist.
 */
final class FrontendHosting {

    static final String CONFIG_FILE = "config.js";
    /** Relative to infra/aws, where cdk runs. */
    static final String DEFAULT_DIST = "../../frontend/dist";

    private final Stack stack;
    final Bucket bucket;
    final Distribution distribution;
    /** {@code https://<distribution domain>}: the app's origin (CORS, redirect URLs). */
    final String origin;

    FrontendHosting(Stack stack) {
        this.stack = stack;
        bucket = Bucket.Builder.create(stack, "FrontendBucket")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                // the app is rebuilt from the repository at any time: nothing in the bucket needs keeping
                .removalPolicy(RemovalPolicy.DESTROY)
                .autoDeleteObjects(true)
                .build();
        distribution = Distribution.Builder.create(stack, "FrontendDistribution")
                .comment("cqrs front end")
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(S3BucketOrigin.withOriginAccessControl(bucket))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                        .compress(true)
                        .build())
                .defaultRootObject("index.html")
                .errorResponses(List.of(spaFallback(403), spaFallback(404)))
                .minimumProtocolVersion(SecurityPolicyProtocol.TLS_V1_2_2021)
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .priceClass(PriceClass.PRICE_CLASS_100)
                .build();
        origin = "https://" + distribution.getDistributionDomainName();
    }

    /** A path S3 does not have (OAC makes a missing key a 403) is the app's own route: index.html, 200. */
    private static ErrorResponse spaFallback(int status) {
        return ErrorResponse.builder().httpStatus(status).responseHttpStatus(200).responsePagePath("/index.html")
                .ttl(Duration.seconds(0)).build();
    }

    /**
     * Deploys {@value #CONFIG_FILE} with these values and, when the built app exists, the app.
     *
     * @param runtimeConfig the keys the app reads from {@value #CONFIG_FILE} (API URLs, issuer, client id); tokens
     *                      resolve at deployment
     */
    void deploy(Map<String, String> runtimeConfig) {
        // a script, not JSON: index.html loads it before the app's module, so the settings exist when it starts
        // (frontend/public/config.js is its empty local stand-in); the JSON's values resolve at deployment
        List<ISource> config = List.of(Source.data(CONFIG_FILE,
                "window.__CQRS_CONFIG__ = " + stack.toJsonString(new LinkedHashMap<>(runtimeConfig)) + ";\n"));
        BucketDeployment.Builder.create(stack, "FrontendConfig")
                .destinationBucket(bucket)
                .sources(config)
                .prune(false)
                // read at every start of the app: a new deployment's URLs must be seen at once
                .cacheControl(List.of(CacheControl.noCache()))
                .distribution(distribution)
                .distributionPaths(List.of("/" + CONFIG_FILE))
                .build();

        Object dist = stack.getNode().tryGetContext("frontendDist");
        Path app = Path.of(dist == null ? DEFAULT_DIST : dist.toString());
        if (!Files.isRegularFile(app.resolve("index.html"))) {
            Annotations.of(stack).addInfo("No built front end at " + app.toAbsolutePath()
                    + " (bin/frontend build, or -c frontendDist=<dir>): only " + CONFIG_FILE + " is deployed");
            return;
        }
        List<ISource> files = new ArrayList<>(List.of(Source.asset(app.toString())));
        BucketDeployment.Builder.create(stack, "FrontendApp")
                .destinationBucket(bucket)
                .sources(files)
                // never delete config.js, which the other deployment owns (the build's own stand-in is not copied)
                .prune(false)
                .exclude(List.of(CONFIG_FILE))
                .distribution(distribution)
                .distributionPaths(List.of("/*"))
                .build();
    }
}
