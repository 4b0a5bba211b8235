// Build-time configuration (Vite env, see ../.env): the local stack's issuer and API URLs by default; an AWS build
// supplies the Cognito issuer, its app client and the load balancer's URLs instead. A value in the runtime
// configuration (/config.js, loaded by index.html before the app; written by the CDK app at deployment) wins, so one
// build serves any deployment.
type Settings = 'authIssuer' | 'authClientId' | 'authScope' | 'commandApiUrl' | 'queryApiUrl';
declare global {
  interface Window {
    __CQRS_CONFIG__?: Partial<Record<Settings, string>>;
  }
}
const runtime = window.__CQRS_CONFIG__ ?? {};

function required(name: string, value: string | undefined): string {
  if (!value) throw new Error(`missing build-time setting ${name}`);
  return value.replace(/\/+$/, '');
}

export const config = {
  authIssuer: required('VITE_AUTH_ISSUER', runtime.authIssuer ?? import.meta.env.VITE_AUTH_ISSUER),
  authClientId: required('VITE_AUTH_CLIENT_ID', runtime.authClientId ?? import.meta.env.VITE_AUTH_CLIENT_ID),
  authScope: runtime.authScope ?? import.meta.env.VITE_AUTH_SCOPE ?? 'openid profile todos:write employees:write audit:write read',
  commandApiUrl: required('VITE_COMMAND_API_URL', runtime.commandApiUrl ?? import.meta.env.VITE_COMMAND_API_URL),
  queryApiUrl: required('VITE_QUERY_API_URL', runtime.queryApiUrl ?? import.meta.env.VITE_QUERY_API_URL),
};
