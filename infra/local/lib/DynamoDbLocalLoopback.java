import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Runs DynamoDB Local bound to one address (loopback) instead of all interfaces.
 * DynamoDB Local 2.6.1's ServerRunner has no host option (its Jetty Server is built with new Server(port), i.e. 0.0.0.0),
 * so this launcher builds the server exactly as ServerRunner does, then sets the host of its Jetty connector before start.
 * Usage: java -Ddynamodb.bind=127.0.0.1 -cp JARS DynamoDbLocalLoopback.java [ServerRunner options...]
 */
public class DynamoDbLocalLoopback {
    public static void main(String[] args) throws Exception {
        String bind = System.getProperty("dynamodb.bind", "127.0.0.1");
        DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
        Field f = DynamoDBProxyServer.class.getDeclaredField("server");
        f.setAccessible(true);
        Server jetty = (Server) f.get(proxy);
        int bound = 0;
        for (Connector c : jetty.getConnectors()) {
            if (c instanceof ServerConnector sc) {
                sc.setHost(bind);
                bound++;
            }
        }
        if (bound == 0) {
            throw new IllegalStateException("no Jetty ServerConnector found: cannot bind DynamoDB Local to " + bind);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try { proxy.stop(); } catch (Exception e) { /* exiting */ }
        }));
        proxy.start();
        System.out.println("DynamoDB Local listening on " + bind + " (" + String.join(" ", args) + ")");
        proxy.join();
    }
}
