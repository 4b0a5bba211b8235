/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_AUTH_ISSUER?: string;
  readonly VITE_AUTH_CLIENT_ID?: string;
  readonly VITE_AUTH_SCOPE?: string;
  readonly VITE_COMMAND_API_URL?: string;
  readonly VITE_QUERY_API_URL?: string;
}
