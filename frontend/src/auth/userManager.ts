import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { config } from '../config';

// Authorization code + PKCE (oidc-client-ts always sends an S256 challenge for the code flow). Tokens are kept in
// sessionStorage: they last as long as the tab and are not shared with other tabs or left behind after it closes.
export const userManager = new UserManager({
  authority: config.authIssuer,
  client_id: config.authClientId,
  redirect_uri: `${window.location.origin}/callback`,
  post_logout_redirect_uri: window.location.origin,
  response_type: 'code',
  scope: config.authScope,
  userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  // the local issuer has no refresh tokens for public clients: an expired session signs in again
  automaticSilentRenew: false,
  loadUserInfo: false,
});

/** The current access token, or null when signed out or expired (the caller then asks the user to sign in). */
export async function accessToken(): Promise<string | null> {
  const user = await userManager.getUser();
  if (!user || user.expired) return null;
  return user.access_token;
}
