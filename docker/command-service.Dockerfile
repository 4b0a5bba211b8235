# command-service: the Spring Boot jar on a JRE 21 base. Build the jar first (./mvnw -pl command-service -am package -DskipTests);
# the build context is the repository root (see docker-compose.yml).
FROM eclipse-temurin:21-jre
# eclipse-temurin's Ubuntu images ship curl, which the health checks (compose and ECS) use.
RUN groupadd --system app && useradd --system --gid app --no-create-home app
WORKDIR /app
COPY command-service/target/command-service.jar /app/app.jar
# The service binds to loopback unless told otherwise; in a container it must listen on every interface.
ENV SERVER_ADDRESS=0.0.0.0 \
    SERVER_PORT=8080
EXPOSE 8080
USER app
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
