package dev.cqrs.infra.aws;

import dev.cqrs.contracts.auth.Scopes;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.CognitoDomainOptions;
import software.amazon.awscdk.services.cognito.OAuthFlows;
import software.amazon.awscdk.services.cognito.OAuthScope;
import software.amazon.awscdk.services.cognito.OAuthSettings;
import software.amazon.awscdk.services.cognito.ResourceServerScope;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.cognito.UserPoolDomainOptions;
import software.amazon.awscdk.services.cognito.UserPoolResourceServerOptions;
import software.amazon.awscdk.services.cognito.UserPoolResourceServer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The issuer in AWS, standing where the local auth-server stands: an Amazon Cognito user pool (no self sign-up; an
 * administrator creates the users) with a hosted-UI domain, a resource server {@value #RESOURCE_SERVER} carrying the
 * scopes of contracts' {@link Scopes}, a public app client for the browser front end (authorization code + PKCE, no
 * secret; Cognito requires PKCE of public clients) and a confidential client-credentials client with every scope for
 * tests, the benchmark and the fault matrix. {@link #serviceEnvironment()} is what the two HTTP services need to
 * validate its access tokens (README "Authentication").
 */
final class Identity {

    /** The resource-server identifier; Cognito names each scope {@code cqrs-api/<scope>} in access tokens. */
    static final String RESOURCE_SERVER = "cqrs-api";

    final UserPool userPool;
    /**
     * The pool's issuer, {@code https://cognito-idp.<region>.amazonaws.com/<pool id>}: the {@code iss} of its tokens
     * and the base of its discovery document (CloudFormation's ProviderURL lacks the scheme, so it is not used).
     */
    final String issuer;
    final UserPoolClient frontendClient;
    final UserPoolClient machineClient;

    /** Where the front end receives the authorization code: context {@code frontendCallbackUrl}. */
    static final String DEFAULT_FRONTEND_CALLBACK = "http://localhost:5173/callback";

    /** The front-end client's scopes, as the app asks for them (space-separated). */
    private final String frontendScope;

    /** @param hostedCallbackUrl where the hosted front end (CloudFront) receives the code, besides the context's */
    Identity(Stack stack, String hostedCallbackUrl) {
        Object callback = stack.getNode().tryGetContext("frontendCallbackUrl");
        String frontendCallbackUrl = callback == null ? DEFAULT_FRONTEND_CALLBACK : callback.toString();
        userPool = UserPool.Builder.create(stack, "UserPool")
                .selfSignUpEnabled(false)
                .signInAliases(SignInAliases.builder().username(true)
                        .email(true).build())
                .accountRecovery(AccountRecovery.EMAIL_ONLY)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        issuer = "https://cognito-idp." + stack.getRegion() + "." + stack.getUrlSuffix() + "/"
                + userPool.getUserPoolId();
        // the token endpoint for client credentials and the hosted UI for the code flow live on the pool's domain
        userPool.addDomain("UserPoolDomain", UserPoolDomainOptions.builder()
                .cognitoDomain(CognitoDomainOptions.builder()
                        .domainPrefix("cqrs-" + stack.getAccount()).build())
                .build());

        List<ResourceServerScope> scopes = new ArrayList<>();
        for (String scope : Arrays.asList(Scopes.ALL.split(" "))) {
            scopes.add(ResourceServerScope.Builder.create().scopeName(scope)
                    .scopeDescription("cqrs " + scope).build());
        }
        UserPoolResourceServer api = userPool.addResourceServer("ApiResourceServer",
                UserPoolResourceServerOptions.builder()
                        .identifier(RESOURCE_SERVER).scopes(scopes).build());
        List<OAuthScope> apiScopes = scopes.stream().map(s -> OAuthScope.resourceServer(api, s)).toList();

        List<OAuthScope> frontendScopes = new ArrayList<>(List.of(OAuthScope.OPENID, OAuthScope.PROFILE));
        frontendScopes.addAll(apiScopes.stream().filter(s -> !s.getScopeName().endsWith("/" + Scopes.OUTBOX_ADMIN))
                .toList());
        frontendClient = userPool.addClient("FrontendClient",
                UserPoolClientOptions.builder()
                        .generateSecret(false)
                        .authFlows(AuthFlow.builder().build())
                        .oAuth(OAuthSettings.builder()
                                .flows(OAuthFlows.builder().authorizationCodeGrant(true).build())
                                .callbackUrls(List.of(frontendCallbackUrl, hostedCallbackUrl))
                                .scopes(frontendScopes).build())
                        .accessTokenValidity(Duration.minutes(15))
                        .preventUserExistenceErrors(true)
                        .build());
        frontendScope = String.join(" ", frontendScopes.stream().map(OAuthScope::getScopeName).toList());
        machineClient = userPool.addClient("MachineClient",
                UserPoolClientOptions.builder()
                        .generateSecret(true)
                        .authFlows(AuthFlow.builder().build())
                        .oAuth(OAuthSettings.builder()
                                .flows(OAuthFlows.builder().clientCredentials(true).build())
                                .scopes(apiScopes).build())
                        .accessTokenValidity(Duration.minutes(15))
                        .build());
    }

    /** The scopes the front end asks for: openid, profile and the API's except outbox:admin, as Cognito names them. */
    String frontendScope() {
        return frontendScope;
    }

    /**
     * The services' token settings: the pool as issuer ({@code https://cognito-idp.<region>.amazonaws.com/<pool id>},
     * whose discovery document names its JWKS), no audience check (Cognito access tokens carry {@code client_id},
     * not {@code aud}) and the resource-server prefix, which only tokens issued for this API carry on their scopes.
     */
    Map<String, String> serviceEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AUTH_ISSUER_URI", issuer);
        env.put("AUTH_AUDIENCES", "");
        env.put("AUTH_SCOPE_PREFIX", RESOURCE_SERVER + "/");
        return env;
    }
}
