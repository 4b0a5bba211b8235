# One-shot provisioner: runs infra/local/provision.mjs (mounted by docker-compose.yml, with infra/resources.json)
# against LocalStack. Only the AWS SDK clients are installed, at the versions pinned in infra/local/package.json.
FROM node:22-slim
WORKDIR /app
COPY infra/local/package.json /tmp/local-package.json
RUN node -e 'const d = require("/tmp/local-package.json").dependencies; \
      console.log(Object.entries(d).filter(([k]) => k.startsWith("@aws-sdk/")).map(([k, v]) => k + "@" + v).join(" "))' \
      > /tmp/sdk-packages \
 && npm install --no-save --no-audit --no-fund --omit=dev $(cat /tmp/sdk-packages) \
 && rm /tmp/local-package.json /tmp/sdk-packages
USER node
CMD ["node", "/app/provision.mjs", "/app/resources.json"]
