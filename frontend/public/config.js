// Runtime configuration of the front end. Empty here: the build-time settings (frontend/.env) apply. In AWS the CDK
// app (infra/aws FrontendHosting) replaces this file in the bucket with the stack's own values: the API URLs, the
// Cognito issuer, the front-end client id and its scopes (keys as in src/config.ts).
window.__CQRS_CONFIG__ = window.__CQRS_CONFIG__ || {};
