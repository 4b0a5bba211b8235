# The browser front end: frontend/dist (built on the host first: bin/frontend build, which generates the API client
# from frontend/openapi/ and bakes in the local URLs of frontend/.env, the ones compose publishes) served by nginx as a
# single-page app. The build context is the repository root (see docker-compose.yml).
FROM nginxinc/nginx-unprivileged:1.27-alpine
COPY docker/frontend/nginx.conf /etc/nginx/conf.d/default.conf
COPY frontend/dist /usr/share/nginx/html
# the unprivileged image runs as user nginx (101) and listens on 8080
EXPOSE 8080
