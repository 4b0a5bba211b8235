# projector: the Lambda's shaded jar, run by its local event-source runner (long-polls the projector queue and calls
# the same handler Lambda would). Build the jar first (./mvnw -pl projector-lambda -am package -DskipTests).
FROM eclipse-temurin:21-jre
RUN groupadd --system app && useradd --system --gid app --no-create-home app
WORKDIR /app
COPY projector-lambda/target/projector-lambda.jar /app/app.jar
ENV PROJECTOR_HEALTH_PORT=8083
USER app
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-cp", "/app/app.jar", "dev.cqrs.projector.local.LocalEventSourceRunner"]
