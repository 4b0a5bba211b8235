# auth-server: the demo OAuth 2.1 issuer (Spring Authorization Server) on a JRE 21 base. Build the jar first
# (./mvnw -pl auth-server -am package -DskipTests); the build context is the repository root (see docker-compose.yml).
FROM eclipse-temurin:21-jre
RUN groupadd --system app && useradd --system --gid app --no-create-home app \
    && mkdir /data && chown app:app /data
WORKDIR /app
COPY auth-server/target/auth-server.jar /app/app.jar
# Listens on every interface inside the container; the signing key is made once and kept in the /data volume.
ENV SERVER_ADDRESS=0.0.0.0 \
    AUTH_SERVER_ADDRESS=0.0.0.0 \
    AUTH_SIGNING_KEY_FILE=/data/signing-key.json
EXPOSE 9000
USER app
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
