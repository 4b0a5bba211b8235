// Build-time configuration (Vite env, see ../.env): the local stack's issuer and API URLs by default; an AWS build
// supplies the Cognito issuer, its app client and the load balancer's URLs instead.
function required(name: string, value: string | undefined): string {
  if (!value) throw new Error(`missing build-time setting ${name}`);
  return value.replace(/\/+$/, '');
}

export const config = {
  authIssuer: required('VITE_AUTH_ISSUER', import.meta.env.VITE_AUTH_ISSUER),
  authClientId: required('VITE_AUTH_CLIENT_ID', import.meta.env.VITE_AUTH_CLIENT_ID),
  authScope: import.meta.env.VITE_AUTH_SCOPE ?? 'openid profile todos:write employees:write audit:write read',
  commandApiUrl: required('VITE_COMMAND_API_URL', import.meta.env.VITE_COMMAND_API_URL),
  queryApiUrl: required('VITE_QUERY_API_URL', import.meta.env.VITE_QUERY_API_URL),
};
