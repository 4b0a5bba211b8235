package dev.cqrs.infra.aws;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the deployment exposes, synthesized in three configurations: the default (closed: no ingress, plain HTTP,
 * only the API and the probes routed), CIDRs + a certificate (HTTPS, HTTP redirects to it) and everything switched on.
 * Which path reaches a service is decided by replaying the synthesized listener rules the way the ALB does: by
 * priority, path patterns with {@code *} and {@code ?}, regex values, else the listener's default action.
 */
class ExposureTest {

    static final String CERT = "arn:aws:acm:eu-west-1:111122223333:certificate/0f1e2d3c-aaaa-bbbb-cccc-123456789abc";

    @TempDir
    static Path tmp;

    static Template closed;
    static Template https;
    static Template open;

    @BeforeAll
    static void synthesize() {
        closed = synth("closed", Map.of());
        https = synth("https", Map.of("allowedIngressCidrs", "203.0.113.0/24,2001:db8::/32", "certificateArn", CERT));
        open = synth("open", Map.of("allowedIngressCidrs", List.of("198.51.100.7/32"), "exposeActuator", "true",
                "exposeDiagnostics", "true", "exposeApiDocs", "true"));
    }

    static Template synth(String name, Map<String, Object> context) {
        Path code = Synth.placeholderProjectorCode(tmp);
        Map<String, Object> all = new LinkedHashMap<>(context);
        all.put("projectorCode", code.toString());
        App app = Synth.app(tmp.resolve(name), all);
        CqrsStack stack = CqrsApp.build(app, ResourceNames.load(), CqrsConfig.fromContext(app.getNode()));
        app.synth();
        return Template.fromStack(stack);
    }

    // ------------------------------------------------------------------ ingress

    @Test
    void byDefaultNothingMayReachTheLoadBalancer() {
        assertThat(ingressRules(closed)).isEmpty();
    }

    @Test
    void onlyTheConfiguredCidrsReachOnlyTheListenerPorts() {
        assertThat(ingressRules(https)).containsExactlyInAnyOrder(
                "203.0.113.0/24 8080", "203.0.113.0/24 8443", "203.0.113.0/24 8081", "203.0.113.0/24 8444",
                "2001:db8::/32 8080", "2001:db8::/32 8443", "2001:db8::/32 8081", "2001:db8::/32 8444");
        assertThat(ingressRules(open)).containsExactlyInAnyOrder("198.51.100.7/32 8080", "198.51.100.7/32 8081");
    }

    // ------------------------------------------------------------------ HTTPS

    @Test
    void withoutACertificatePlainHttpOnTheTwoPorts() {
        assertThat(listeners(closed).values()).extracting(l -> l.get("Protocol") + " " + l.get("Port"))
                .containsExactlyInAnyOrder("HTTP 8080", "HTTP 8081");
    }

    @Test
    void withACertificateHttpsWithTls12PlusAndHttpOnlyRedirects() {
        Map<String, Map<String, Object>> listeners = listeners(https);
        assertThat(listeners.values()).extracting(l -> l.get("Protocol") + " " + l.get("Port"))
                .containsExactlyInAnyOrder("HTTP 8080", "HTTP 8081", "HTTPS 8443", "HTTPS 8444");
        for (Map<String, Object> l : listeners.values()) {
            if (l.get("Protocol").equals("HTTPS")) {
                assertThat(l.get("Certificates")).isEqualTo(List.of(Map.of("CertificateArn", CERT)));
                assertThat((String) l.get("SslPolicy")).startsWith("ELBSecurityPolicy-TLS13-1-2");
                continue;
            }
            int to = l.get("Port").equals(8080) ? LoadBalancer.COMMAND_HTTPS_PORT : LoadBalancer.QUERY_HTTPS_PORT;
            assertThat(l.get("DefaultActions")).isEqualTo(List.of(Map.of("Type", "redirect", "RedirectConfig",
                    Map.of("Protocol", "HTTPS", "Port", String.valueOf(to), "StatusCode", "HTTP_301"))));
        }
        // the plain listeners route nothing: every request is redirected
        for (String id : listeners.keySet()) {
            if (listeners.get(id).get("Protocol").equals("HTTP")) {
                assertThat(rulesOf(https, id)).isEmpty();
            }
        }
    }

    // ------------------------------------------------------------------ paths

    static final List<String> ROUTED = List.of("/api/todos", "/api/todos/0b7d1c5e-0000-4000-8000-000000000001",
            "/api/employees/E1/reportees", "/api/audit/range", "/actuator/health/liveness", "/actuator/health/readiness");

    static final List<String> BLOCKED = List.of("/api/diagnostics/replica", "/api/diagnostics", "/api/diagnostics/x",
            "/actuator", "/actuator/health", "/actuator/metrics", "/actuator/metrics/jvm.memory.used",
            "/actuator/env", "/actuator/prometheus", "/swagger-ui.html", "/swagger-ui/index.html", "/v3/api-docs",
            "/v3/api-docs/swagger-config", "/", "/error",
            // spellings a service would decode or normalize into a blocked path
            "/api/diagnostic%73/replica", "/api/%2e%2e/actuator/metrics", "/api/diagnostics;x=1/replica",
            "/api/../actuator/metrics", "/api/./diagnostics/replica", "/api\\diagnostics\\replica");

    @Test
    void closedByDefaultOnlyTheApiAndTheProbesReachTheServices() {
        for (Map<String, Object> listener : routingListeners(closed)) {
            for (String path : ROUTED) {
                assertThat(route(closed, listener, path)).as(path).isEqualTo("forward");
            }
            for (String path : BLOCKED) {
                assertThat(route(closed, listener, path)).as(path).isEqualTo("404");
            }
        }
        assertThat(routingListeners(closed)).hasSize(2);
    }

    @Test
    void withHttpsTheSameRulesOnTheHttpsListeners() {
        List<Map<String, Object>> routing = routingListeners(https);
        assertThat(routing).extracting(l -> props(l).get("Protocol")).containsOnly("HTTPS").hasSize(2);
        for (Map<String, Object> listener : routing) {
            assertThat(route(https, listener, "/api/todos")).isEqualTo("forward");
            assertThat(route(https, listener, "/actuator/metrics")).isEqualTo("404");
            assertThat(route(https, listener, "/api/diagnostics/replica")).isEqualTo("404");
            assertThat(route(https, listener, "/swagger-ui.html")).isEqualTo("404");
        }
    }

    @Test
    void switchedOnTheDiagnosticsDocsAndActuatorAreRouted() {
        for (Map<String, Object> listener : routingListeners(open)) {
            for (String path : List.of("/api/diagnostics/replica", "/actuator/metrics", "/actuator", "/swagger-ui.html",
                    "/swagger-ui/index.html", "/v3/api-docs", "/v3/api-docs/swagger-config", "/api/todos")) {
                assertThat(route(open, listener, path)).as(path).isEqualTo("forward");
            }
            // encoded and dot-segment spellings stay refused
            assertThat(route(open, listener, "/api/%2e%2e/x")).isEqualTo("404");
            assertThat(route(open, listener, "/")).isEqualTo("404");
        }
    }

    // ------------------------------------------------------------------ secrets

    @Test
    void noPasswordOrSecretValueInAnyFunctionOrTaskEnvironment() {
        Pattern secretName = Pattern.compile("(?i)PASSWORD|PASSWD|SECRET(?!_ARN$)|TOKEN|_PW$");
        for (Template t : List.of(closed, https, open)) {
            Map<String, Object> env = new LinkedHashMap<>();
            t.findResources("AWS::Lambda::Function").forEach((id, fn) -> {
                Object e = props(fn).get("Environment");
                if (e instanceof Map<?, ?> m && m.get("Variables") instanceof Map<?, ?> vars) {
                    vars.forEach((k, v) -> env.put(id + " " + k, v));
                }
            });
            t.findResources("AWS::ECS::TaskDefinition").forEach((id, td) -> {
                for (Map<String, Object> c : maps(props(td).get("ContainerDefinitions"))) {
                    for (Map<String, Object> e : maps(c.get("Environment"))) {
                        env.put(id + "/" + c.get("Name") + " " + e.get("Name"), e.get("Value"));
                    }
                }
            });
            assertThat(env).isNotEmpty();
            env.forEach((key, value) -> {
                String name = key.substring(key.lastIndexOf(' ') + 1);
                assertThat(name).as(key).doesNotContainPattern(secretName);
                // neither a literal nor a dynamic reference that CloudFormation would resolve into the configuration
                assertThat(text(value)).as(key).doesNotContain("{{resolve:");
            });
        }
    }

    // ================================================================== the ALB's rule evaluation

    /** "forward" or the fixed response's status code for {@code path} on {@code listener}. */
    static String route(Template t, Map<String, Object> listener, String path) {
        String listenerId = idOf(t, "AWS::ElasticLoadBalancingV2::Listener", listener);
        List<Map<String, Object>> rules = new ArrayList<>(rulesOf(t, listenerId));
        rules.sort(Comparator.comparingInt(r -> ((Number) props(r).get("Priority")).intValue()));
        for (Map<String, Object> rule : rules) {
            if (matches(maps(props(rule).get("Conditions")), path)) {
                return outcome(maps(props(rule).get("Actions")));
            }
        }
        return outcome(maps(props(listener).get("DefaultActions")));
    }

    @SuppressWarnings("unchecked")
    static boolean matches(List<Map<String, Object>> conditions, String path) {
        assertThat(conditions).isNotEmpty();
        for (Map<String, Object> c : conditions) {
            assertThat(c.get("Field")).isEqualTo("path-pattern");
            Map<String, Object> config = (Map<String, Object>) c.get("PathPatternConfig");
            List<String> globs = config == null ? List.of() : (List<String>) config.getOrDefault("Values", List.of());
            List<String> regexes = config == null ? List.of()
                    : (List<String>) config.getOrDefault("RegexValues", List.of());
            if (config == null) {
                globs = (List<String>) c.get("Values");
            }
            assertThat(globs.size() + regexes.size()).as("values per condition (ALB limit)").isBetween(1, 3);
            boolean any = globs.stream().anyMatch(g -> path.matches(globToRegex(g)))
                    || regexes.stream().anyMatch(r -> Pattern.compile(r).matcher(path).find());
            if (!any) {
                return false;
            }
        }
        return true;
    }

    static String globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            re.append(switch (ch) {
                case '*' -> ".*";
                case '?' -> ".";
                default -> Pattern.quote(String.valueOf(ch));
            });
        }
        return re.toString();
    }

    @SuppressWarnings("unchecked")
    static String outcome(List<Map<String, Object>> actions) {
        assertThat(actions).hasSize(1);
        Map<String, Object> a = actions.get(0);
        return switch ((String) a.get("Type")) {
            case "forward" -> "forward";
            case "fixed-response" -> (String) ((Map<String, Object>) a.get("FixedResponseConfig")).get("StatusCode");
            default -> throw new AssertionError("unexpected action " + a);
        };
    }

    // ================================================================== template helpers

    /** "cidr port" of every ingress rule of every security group (inline or separate), from anywhere outside. */
    static List<String> ingressRules(Template t) {
        List<String> out = new ArrayList<>();
        List<Map<String, Object>> rules = new ArrayList<>();
        t.findResources("AWS::EC2::SecurityGroup").values()
                .forEach(sg -> rules.addAll(maps(props(sg).get("SecurityGroupIngress"))));
        t.findResources("AWS::EC2::SecurityGroupIngress").values().forEach(r -> rules.add(props(r)));
        for (Map<String, Object> r : rules) {
            Object cidr = r.get("CidrIp") != null ? r.get("CidrIp") : r.get("CidrIpv6");
            if (cidr != null) {
                out.add(cidr + " " + r.get("FromPort"));
            }
        }
        return out;
    }

    static Map<String, Map<String, Object>> listeners(Template t) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        t.findResources("AWS::ElasticLoadBalancingV2::Listener").forEach((id, l) -> out.put(id, props(l)));
        return out;
    }

    /** Listeners whose default action is not a redirect: those that route requests. */
    static List<Map<String, Object>> routingListeners(Template t) {
        return t.findResources("AWS::ElasticLoadBalancingV2::Listener").values().stream()
                .filter(l -> !"redirect".equals(maps(props(l).get("DefaultActions")).get(0).get("Type")))
                .toList();
    }

    static List<Map<String, Object>> rulesOf(Template t, String listenerId) {
        return t.findResources("AWS::ElasticLoadBalancingV2::ListenerRule").values().stream()
                .filter(r -> props(r).get("ListenerArn").equals(Map.of("Ref", listenerId)))
                .toList();
    }

    static String idOf(Template t, String type, Map<String, Object> resource) {
        return t.findResources(type).entrySet().stream().filter(e -> e.getValue().equals(resource))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> props(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }

    static String json(Template t) {
        return text(t.toJSON());
    }

    static String text(Object o) {
        try {
            return o instanceof String s ? s : new ObjectMapper().writeValueAsString(o);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
